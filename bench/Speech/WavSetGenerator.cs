using System.Diagnostics;
using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Synthesis;

namespace VoiceHelper.Speech.Bench;

/// <summary>
/// Writes the evaluation set: customer-service sentences spoken by every Debian voice available here
/// (espeak-ng US and UK English through the project's synthesizer; pico2wave US and UK English from
/// bookworm non-free when installed), as 16 kHz WAVs with their transcripts beside them.
/// </summary>
internal static class WavSetGenerator
{
    public static readonly string[] Sentences =
    [
        "Please turn on the kitchen lights",
        "What is the weather like today",
        "I would like to check my account balance",
        "My order has not arrived yet",
        "Can you reset my password please",
        "I want to speak to a human agent",
        "How much does the premium plan cost",
        "Please cancel my subscription",
        "Where is the nearest store",
        "Thank you very much for your help",
    ];

    public static async Task<List<BenchClip>> GenerateAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var clips = new List<BenchClip>();
        foreach (var (label, voice) in new[] { ("espeak-ng en-us", "en-us"), ("espeak-ng en-gb", "en") })
        {
            var synthesizer = new EspeakSpeechSynthesizer(Options.Create(new SynthesizerOptions { Voice = voice }));
            for (var i = 0; i < Sentences.Length; i++)
            {
                var audio = await synthesizer.SynthesizeClipAsync(Sentences[i]);
                clips.Add(Save(directory, label, i, Sentences[i], audio));
            }
        }

        if (HasPico())
        {
            foreach (var language in new[] { "en-US", "en-GB" })
            {
                for (var i = 0; i < Sentences.Length; i++)
                {
                    var path = Path.Combine(directory, $"pico-{language}-{i:D2}.wav");
                    await RunAsync("pico2wave", "-l", language, "-w", path, Sentences[i]);
                    var audio = WavFile.Read(path);
                    audio = new AudioClip(Resampler.Resample(audio.Samples, audio.SampleRate, 16_000), 16_000);
                    clips.Add(Save(directory, $"pico2wave {language}", i, Sentences[i], audio));
                }
            }
        }
        else
        {
            Console.WriteLine("pico2wave not installed (scripts/setup.sh adds it from bookworm non-free): pico voices skipped.");
        }

        return clips;
    }

    private static BenchClip Save(string directory, string voice, int index, string text, AudioClip audio)
    {
        var stem = Path.Combine(directory, $"{voice.Replace(' ', '-')}-{index:D2}");
        WavFile.Write(stem + ".wav", audio);
        File.WriteAllText(stem + ".txt", text);
        return new BenchClip(voice, text, audio);
    }

    private static bool HasPico() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(dir => File.Exists(Path.Combine(dir, "pico2wave")));

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {await process.StandardError.ReadToEndAsync()}");
        }
    }
}

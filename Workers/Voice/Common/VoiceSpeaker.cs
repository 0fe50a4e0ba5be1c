using System.Diagnostics;
using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Synthesis;

namespace VoiceHelper.Voice.Common;

/// <summary>
/// Speaks one sentence in a chosen voice as 16 kHz mono PCM16: flite and pico through Debian's programs, espeak-ng
/// through the in-process engine. Short phrases come from the <see cref="SynthesisCache"/>.
/// </summary>
public sealed class VoiceSpeaker(IOptions<VoiceOptions> options, IOptions<SynthesizerOptions> espeak)
{
    public const int SampleRate = 16_000;

    private readonly VoiceOptions options = options.Value;
    private readonly SynthesisCache cache = new(options.Value.SynthesisCacheEntries);

    public SynthesisCache Cache => cache;

    public async Task<byte[]> SpeakAsync(string voice, string text, CancellationToken cancellationToken)
    {
        var cacheable = text.Length <= options.CachedPhraseMaxChars;
        if (cacheable && cache.TryGet(voice, text, out var cached))
        {
            return cached;
        }
        var samples = voice.Split(':', 2) switch
        {
            ["pico", var language] => await ProgramAsync(options.PicoProgram, path => ["-l", language, "-w", path, "--", text], cancellationToken),
            ["flite", var name] => await ProgramAsync(options.FliteProgram, path => ["-voice", name, "-t", text, "-o", path], cancellationToken),
            ["espeak", var name] => await EspeakAsync(name, text, cancellationToken),
            _ => await EspeakAsync(voice, text, cancellationToken),
        };
        var pcm = Pcm16.FromFloat(samples);
        if (cacheable)
        {
            cache.Add(voice, text, pcm);
        }
        return pcm;
    }

    /// <summary>A synthesis program that writes a WAV file (pico2wave, flite), given its arguments for an output path.</summary>
    private static async Task<float[]> ProgramAsync(string program, Func<string, string[]> arguments, CancellationToken cancellationToken)
    {
        // These programs write only to a .wav file; memory-backed /dev/shm keeps that off the disk.
        var folder = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var path = Path.Combine(folder, $"voicehelper-tts-{Guid.NewGuid():N}.wav");
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments(path))
            {
                start.ArgumentList.Add(argument);
            }
            using var process = new Process { StartInfo = start };
            process.Start();
            await using (cancellationToken.Register(() => { try { process.Kill(); } catch (InvalidOperationException) { } }))
            {
                await process.WaitForExitAsync(CancellationToken.None);
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (process.ExitCode != 0 || !File.Exists(path))
            {
                throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await process.StandardError.ReadToEndAsync(CancellationToken.None)}");
            }
            var clip = WavFile.Read(path);
            return clip.SampleRate == SampleRate ? clip.Samples : Resampler.Resample(clip.Samples, clip.SampleRate, SampleRate);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<float[]> EspeakAsync(string voice, string text, CancellationToken cancellationToken)
    {
        var settings = espeak.Value;
        var engine = EspeakThread.Get(string.IsNullOrWhiteSpace(settings.DataDirectory) ? null : settings.DataDirectory);
        var job = new EspeakJob(text, voice, settings.Rate, cancellationToken);
        engine.Enqueue(job);
        var resampler = new Resampler(engine.NativeSampleRate, SampleRate);
        var samples = new List<float>();
        await foreach (var block in job.Output.ReadAllAsync(cancellationToken))
        {
            samples.AddRange(resampler.Process(block));
        }
        samples.AddRange(resampler.Flush());
        return [.. samples];
    }
}

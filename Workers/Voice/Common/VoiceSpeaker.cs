using System.Diagnostics;
using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Synthesis;

namespace VoiceHelper.Voice.Common;

/// <summary>
/// Speaks one sentence in a chosen voice as 16 kHz mono PCM16: pico through Debian's pico2wave, espeak-ng through
/// the in-process engine. Short phrases come from the <see cref="SynthesisCache"/>.
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
        var samples = voice.StartsWith("pico:", StringComparison.Ordinal)
            ? await PicoAsync(voice[5..], text, cancellationToken)
            : await EspeakAsync(voice.StartsWith("espeak:", StringComparison.Ordinal) ? voice[7..] : voice, text, cancellationToken);
        var pcm = Pcm16.FromFloat(samples);
        if (cacheable)
        {
            cache.Add(voice, text, pcm);
        }
        return pcm;
    }

    private async Task<float[]> PicoAsync(string language, string text, CancellationToken cancellationToken)
    {
        // pico2wave writes only to a .wav file; memory-backed /dev/shm keeps that off the disk.
        var folder = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var path = Path.Combine(folder, $"voicehelper-pico-{Guid.NewGuid():N}.wav");
        try
        {
            using var process = new Process
            {
                StartInfo = new ProcessStartInfo(options.PicoProgram)
                {
                    ArgumentList = { "-l", language, "-w", path, "--", text },
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                },
            };
            process.Start();
            await using (cancellationToken.Register(() => { try { process.Kill(); } catch (InvalidOperationException) { } }))
            {
                await process.WaitForExitAsync(CancellationToken.None);
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (process.ExitCode != 0 || !File.Exists(path))
            {
                throw new InvalidOperationException($"pico2wave failed ({process.ExitCode}): {await process.StandardError.ReadToEndAsync(CancellationToken.None)}");
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

using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Denoising;
using VoiceHelper.Voice.Speech.Recognition;
using VoiceHelper.Voice.Speech.Synthesis;
using VoiceHelper.Voice.Speech.Vad;

namespace VoiceHelper.Speech.Bench;

/// <summary>
/// Real-time factor (processing time / audio time) per engine. The parent runs this in child processes
/// pinned with taskset to one core and to two (thread affinity must be set before the runtime starts
/// its threads). With N cores, N copies run at once and the factor is wall time over all audio, so it
/// measures throughput per core budget. Wall time suffers from whatever else runs on the machine, so the
/// process's CPU time per second of audio is reported too: it is the engine's own cost.
/// </summary>
internal static class RealTimeFactorBench
{
    public const string WorkerFlag = "--rtf-worker";

    public static async Task<Dictionary<string, RtfSample>> MeasureAsync(int copies, float[] speech, IReadOnlyList<string> sentences)
    {
        using var sherpa = BenchHost.Build("SherpaOnnx", copies);
        using var sphinx = BenchHost.Build("Pocketsphinx", copies);
        var vad = sherpa.Services.GetRequiredService<IVoiceActivityDetector>();
        var recognizer = sherpa.Services.GetRequiredService<ISpeechRecognizer>();
        var pocketsphinx = sphinx.Services.GetRequiredService<ISpeechRecognizer>();
        var denoiser = sherpa.Services.GetRequiredService<ISpeechDenoiser>();
        var synthesizer = sherpa.Services.GetRequiredService<ISpeechSynthesizer>();
        var seconds = speech.Length / 16_000.0;

        // Warm-up: first calls pay for model loading and JIT.
        await Transcriber.TranscribeAsync(recognizer, speech[..16_000]);
        await Transcriber.TranscribeAsync(pocketsphinx, speech[..16_000]);
        await denoiser.DenoiseAsync(speech.AsMemory(0, 16_000), 16_000);

        var results = new Dictionary<string, RtfSample>
        {
            ["Silero VAD (sherpa-onnx)"] = await TimeAsync(copies, seconds, () => Task.Run(() => RunVad(vad, speech))),
            ["sherpa-onnx streaming transducer"] = await TimeAsync(copies, seconds, () => Transcriber.TranscribeAsync(recognizer, speech)),
            ["pocketsphinx en-us"] = await TimeAsync(copies, seconds, () => Transcriber.TranscribeAsync(pocketsphinx, speech)),
            ["GTCRN denoiser (sherpa-onnx)"] = await TimeAsync(copies, seconds, () => denoiser.DenoiseAsync(speech, 16_000)),
            ["resampler 22.05 -> 16 kHz"] = await TimeAsync(copies, seconds, () => Task.Run(() => Resampler.Resample(speech, 22_050, 16_000))),
        };

        // espeak-ng is one thread per process by design, so extra cores cannot speed it up.
        var synthesized = 0.0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (var sentence in sentences)
        {
            synthesized += (await synthesizer.SynthesizeClipAsync(sentence)).Duration.TotalSeconds;
        }

        results["espeak-ng synthesis (-> 16 kHz)"] = new RtfSample(
            watch.Elapsed.TotalSeconds / synthesized,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / synthesized);
        return results;
    }

    public static void PrintRows(Dictionary<string, RtfSample> results)
    {
        foreach (var (engine, rtf) in results)
        {
            Console.WriteLine($"RTF|{engine}|{rtf.Wall.ToString("R", CultureInfo.InvariantCulture)}|{rtf.Cpu.ToString("R", CultureInfo.InvariantCulture)}");
        }
    }

    private static async Task<RtfSample> TimeAsync(int copies, double audioSeconds, Func<Task> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => work()));
        var audio = audioSeconds * copies;
        return new RtfSample(watch.Elapsed.TotalSeconds / audio, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / audio);
    }

    private static void RunVad(IVoiceActivityDetector vad, float[] speech)
    {
        using var session = vad.OpenSession();
        for (var offset = 0; offset < speech.Length; offset += 512)
        {
            session.Accept(speech.AsSpan(offset, Math.Min(512, speech.Length - offset)));
        }

        session.Flush();
    }
}

using System.Diagnostics;
using System.Globalization;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Recognition;
using VoiceHelper.Voice.Speech.Vad;

namespace VoiceHelper.Speech.Bench;

/// <summary>
/// What one voice call costs per stage, in CPU milliseconds per second of the caller's audio, fed the way a call
/// feeds it (20 ms frames from the wire). N streams are interleaved frame by frame (as N callers' frames arrive) and
/// driven as fast as the engines go, so the figure is throughput cost, not latency. CPU is the process's own (user +
/// system), which other work on a shared machine barely inflates; 2 cores give 2,000 ms per second, so a stage that
/// costs C ms per audio second alone caps a 2-core machine at 2000 / C calls.
/// </summary>
internal static class CallStageCostBench
{
    private const int FrameSamples = 320;

    public static async Task RunAsync(float[] speech, IVoiceActivityDetector vad, IReadOnlyList<ISpeechRecognizer> recognizers, int streams)
    {
        var seconds = speech.Length / 16_000.0 * streams;
        var pcm = Pcm16.FromFloat(speech);
        var table = new Table($"CPU per call stage, ms per second of caller audio ({streams} calls interleaved, 20 ms frames, {speech.Length / 16_000.0:F1} s each; load average {LoadAverage()})",
            "stage", "CPU ms / audio s", "calls per 2 cores (this stage alone)");

        void Row(string stage, double cpuMs) =>
            table.Add(stage, (cpuMs / seconds).ToString("F1", CultureInfo.InvariantCulture),
                (2000 / (cpuMs / seconds)).ToString("F0", CultureInfo.InvariantCulture));

        Row("PCM16 -> float", Cpu(() =>
        {
            for (var s = 0; s < streams; s++)
            {
                for (var offset = 0; offset + FrameSamples * 2 <= pcm.Length; offset += FrameSamples * 2)
                {
                    _ = Pcm16.ToFloat(pcm.AsSpan(offset, FrameSamples * 2));
                }
            }
        }));

        // A detector is a native onnxruntime session: opening one past the idle pool loads the model.
        var rss = Environment.WorkingSet;
        var sessions = new List<IVoiceActivitySession>();
        var opening = Cpu(() => sessions.AddRange(Enumerable.Range(0, streams).Select(_ => vad.OpenSession())));
        Console.WriteLine($"Opening {streams} VAD sessions: {opening / streams:F1} CPU ms and {(Environment.WorkingSet - rss) / 1024.0 / 1024 / streams:F1} MiB each (pooled ones cost nothing)");
        Row(vad.Name + ", 20 ms frames", Cpu(() =>
        {
            for (var offset = 0; offset + FrameSamples <= speech.Length; offset += FrameSamples)
            {
                foreach (var session in sessions)
                {
                    session.Accept(speech.AsSpan(offset, FrameSamples));
                }
            }
        }));
        sessions.ForEach(s => s.Dispose());

        foreach (var recognizer in recognizers)
        {
            var opened = Enumerable.Range(0, streams).Select(_ => recognizer.OpenStream()).ToList();
            var cpu = await CpuAsync(async () =>
            {
                for (var offset = 0; offset + FrameSamples <= speech.Length; offset += FrameSamples)
                {
                    await Task.WhenAll(opened.Select(s => s.AcceptAsync(speech.AsMemory(offset, FrameSamples))));
                }
                await Task.WhenAll(opened.Select(s => s.FinishAsync()));
            });
            Row(recognizer.Name + ", 20 ms frames", cpu);
            opened.ForEach(s => s.Dispose());
        }

        table.Print();
    }

    private static double Cpu(Action work)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        work();
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
    }

    private static async Task<double> CpuAsync(Func<Task> work)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        await work();
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}

using System.Diagnostics;
using System.Text.Json;

namespace VoiceHelper.Voice.Bench;

/// <summary>
/// The caller side of a capacity level, run as its own process (<c>--callers JOB OUTCOME</c>) so the server's CPU can be
/// told apart from the callers'. Calls start spread over the first seconds, hold conversations until the window ends,
/// finish the turn they are in, and hang up. Prints <c>window-started</c> and <c>window-ended</c> for the parent to
/// sample the server's CPU between them.
/// </summary>
internal static class CapacityCallers
{
    public static async Task<int> RunAsync(string jobPath, string outcomePath)
    {
        var job = JsonSerializer.Deserialize<CapacityJob>(await File.ReadAllTextAsync(jobPath))!;
        var questions = job.Questions.Select(q => (q.Text, ReadClip(q.ClipPath))).ToList();
        var callers = Enumerable.Range(0, job.Tokens.Count).Select(i => new CapacityCaller(i, job, questions)).ToList();
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var windowEnd = started + (long)(job.Seconds * Stopwatch.Frequency);
        Console.WriteLine("window-started");
        using var stop = new CancellationTokenSource();
        var calls = callers.Select(async (caller, i) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(job.StaggerSeconds * i / callers.Count));
            await caller.RunAsync(windowEnd, stop.Token);
        }).ToList();
        await Task.Delay(TimeSpan.FromSeconds(job.Seconds));
        self.Refresh();
        var callerCpu = self.TotalProcessorTime - cpuBefore;
        var window = Stopwatch.GetElapsedTime(started);
        Console.WriteLine("window-ended");
        // Turns under way finish (each wait is bounded by itself); a server that never answers does not hold the bench.
        stop.CancelAfter(TimeSpan.FromSeconds(75));
        await Task.WhenAll(calls);
        var outcome = new CapacityOutcome([.. callers.SelectMany(c => c.Turns)], callerCpu.TotalMilliseconds, window.TotalMilliseconds, callers.Count(c => c.Connected),
            [.. callers.Select(c => c.Recognizer ?? "none").Distinct()], callers.Count(c => c.MicrophoneBehindMs > 1000));
        await File.WriteAllTextAsync(outcomePath, JsonSerializer.Serialize(outcome));
        return 0;
    }

    private static float[] ReadClip(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var samples = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * sizeof(float));
        return samples;
    }
}

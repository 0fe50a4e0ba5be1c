using System.Diagnostics;

namespace VoiceHelper.Identity.Bench;

/// <summary>Runs <c>clients</c> concurrent loops until each has made <c>perClient</c> calls or the deadline passes.</summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(int clients, int perClient, TimeSpan deadline, Func<int, Task<bool>> call)
    {
        var latencies = new List<double>[clients];
        var failures = 0;
        using var stop = new CancellationTokenSource(deadline);
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var own = latencies[client] = new List<double>(perClient);
            for (var i = 0; i < perClient && !stop.IsCancellationRequested; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await call(client);
                own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(all.Length, failures, wall.Elapsed, Percentile(all, 0.50), Percentile(all, 0.95));
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

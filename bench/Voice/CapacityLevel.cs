using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace VoiceHelper.Voice.Bench;

/// <summary>
/// Runs one capacity level: the callers in a child process (this program with <c>--callers</c>), the server (voice
/// worker, Conversations and the answerer, all in this process, with the synthesis programs it starts) measured by CPU over the same window. The speech
/// threads' share is read from <c>/proc</c>: they are named, and do nothing but decode.
/// </summary>
internal sealed record CapacityLevel(int Calls, CapacityOutcome Outcome, double ServerCores, double SpeechCores, string LoadStart, string LoadEnd)
{
    public static async Task<CapacityLevel> RunAsync(CapacityJob job, string workDir)
    {
        var jobPath = Path.Combine(workDir, $"job-{job.Tokens.Count}.json");
        var outcomePath = Path.Combine(workDir, $"outcome-{job.Tokens.Count}.json");
        await File.WriteAllTextAsync(jobPath, JsonSerializer.Serialize(job));
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }
        foreach (var argument in (string[])["--callers", jobPath, outcomePath])
        {
            start.ArgumentList.Add(argument);
        }
        using var callers = Process.Start(start)!;
        double cpuStart = 0, cpuEnd = 0, speechStart = 0, speechEnd = 0;
        long wallStart = 0, wallEnd = 0;
        string loadStart = "", loadEnd = "";
        while (await callers.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == "window-started")
            {
                (cpuStart, speechStart, wallStart, loadStart) = (ProcessCpuMs(), SpeechThreadsCpuMs(), Stopwatch.GetTimestamp(), Load());
            }
            else if (line == "window-ended")
            {
                (cpuEnd, speechEnd, wallEnd, loadEnd) = (ProcessCpuMs(), SpeechThreadsCpuMs(), Stopwatch.GetTimestamp(), Load());
            }
            else
            {
                Console.WriteLine($"    callers: {line}");
            }
        }
        await callers.WaitForExitAsync();
        if (callers.ExitCode != 0 || !File.Exists(outcomePath))
        {
            throw new InvalidOperationException($"The caller process failed (exit {callers.ExitCode}).");
        }
        var outcome = JsonSerializer.Deserialize<CapacityOutcome>(await File.ReadAllTextAsync(outcomePath))!;
        var wallMs = Stopwatch.GetElapsedTime(wallStart, wallEnd).TotalMilliseconds;
        return new CapacityLevel(job.Tokens.Count, outcome, (cpuEnd - cpuStart) / wallMs, (speechEnd - speechStart) / wallMs, loadStart, loadEnd);
    }

    private static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>
    /// CPU time of this process and of its ended children, in ms: the synthesis programs (flite, pico2wave) run as child
    /// processes, one per sentence, and are the server's work too.
    /// </summary>
    private static double ProcessCpuMs()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture)) * 10.0;
    }

    /// <summary>CPU time of this process's speech decoding threads (named speech-decode-N), from /proc, in ms.</summary>
    private static double SpeechThreadsCpuMs()
    {
        var ticks = 0L;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith("speech-decode", StringComparison.Ordinal))
                {
                    continue;
                }
                // Fields after the parenthesised name: state is field 3, utime and stime are fields 14 and 15.
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }
        return ticks * 10.0; // USER_HZ is 100 on Linux
    }
}

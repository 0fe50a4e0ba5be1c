namespace VoiceHelper.Voice.Tests.Speech;

/// <summary>Resident set size from /proc: it counts native allocations the GC never sees.</summary>
public static class ProcessMemory
{
    public static long ResidentBytes()
    {
        // Finalizers of dropped handles free their native memory; run them so the reading is steady.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                return kilobytes * 1024;
            }
        }

        throw new InvalidOperationException("/proc/self/status has no VmRSS line.");
    }
}

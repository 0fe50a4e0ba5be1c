using System.Globalization;

namespace VoiceHelper.EventBus.Bench;

/// <summary>
/// The figures of the home-made bus (its own bench/EventBus at the last commit before the switch, run by run.sh against
/// the same servers just before this one), read from the Markdown tables it printed.
/// </summary>
internal sealed record Baseline(string P50, string P95, string Best, string BestProducer, string OutboxConcurrent, string Load)
{
    public static Baseline Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var rows = Rows(lines);
        string[] Row(string first) => rows.FirstOrDefault(r => r[0].StartsWith(first, StringComparison.Ordinal))
            ?? throw new InvalidDataException($"The baseline output has no row '{first}'.");
        var latency = Row("outbox (commit");
        var load = lines.FirstOrDefault(l => l.StartsWith("Machine:", StringComparison.Ordinal)) is { } machine
            && machine.IndexOf("load average at the end: ", StringComparison.Ordinal) is var at and >= 0
            ? new string(machine[(at + 25)..].TakeWhile(c => c != ')').ToArray())
            : "n/a";
        // Its throughput table: producer | events | produce s | end-to-end s | events/s | split.
        var best = Rows(lines.SkipWhile(l => !l.StartsWith("### Sustained throughput", StringComparison.Ordinal)))
            .Where(r => double.TryParse(r[4], CultureInfo.InvariantCulture, out _))
            .MaxBy(r => double.Parse(r[4], CultureInfo.InvariantCulture))
            ?? throw new InvalidDataException("The baseline output has no throughput rows.");
        return new Baseline(latency[2], latency[3], best[4], best[0], Row("outbox, 1 event per transaction, 8 concurrent")[4], load);
    }

    private static List<string[]> Rows(IEnumerable<string> lines) => lines
        .Where(line => line.StartsWith("| ", StringComparison.Ordinal))
        .Select(line => line.Trim('|', ' ').Split('|').Select(cell => cell.Trim()).ToArray())
        .ToList();
}

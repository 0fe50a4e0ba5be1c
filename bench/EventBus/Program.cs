using System.Globalization;
using Npgsql;
using VoiceHelper.Bench;
using VoiceHelper.EventBus.Bench;
using VoiceHelper.Messaging.Tests.Infrastructure;

// Usage: bench/EventBus/run.sh [TRANSPORT[,Option=value...]]... (rabbitmq, postgres and kafka by default), e.g.
// `rabbitmq postgres,RecoveryInterval=00:00:00.100`: options are keys of the EventBus section (documented tuning such
// as ListenerParallelism or RecoveryInterval) for that run. The servers come from scripts/test-servers.sh
// (VOICEHELPER_TEST_POSTGRES, VOICEHELPER_TEST_RABBITMQ); Kafka is librdkafka's in-process mock cluster.
// --baseline FILE: the output of the home-made bus's bench, added to the summary.
const int LatencyEvents = 200;
const int ThroughputEvents = 10_000;
var pause = TimeSpan.FromMilliseconds(20);
// How the one producer writes: events per transaction and concurrent writers (requests of a busy service).
(string Name, int PerTransaction, int Writers)[] shapes =
[
    ("outbox, 1 per tx, 8 writers", 1, 8),
    ("outbox, 50 per tx, 1 writer", 50, 1),
    ("outbox, 50 per tx, 8 writers", 50, 8),
];
var bound = TimeSpan.FromSeconds(60);

var baselineAt = Array.IndexOf(args, "--baseline");
var baseline = baselineAt >= 0 ? Baseline.Read(args[baselineAt + 1]) : null;
var transports = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (baselineAt < 0 || i != baselineAt + 1)).ToList();
if (transports.Count == 0)
{
    transports = ["rabbitmq", "postgres", "kafka"];
}
var admin = Environment.GetEnvironmentVariable("VOICEHELPER_TEST_POSTGRES") is { Length: > 0 } pg
    ? pg
    : throw new InvalidOperationException("VOICEHELPER_TEST_POSTGRES is not set: run bench/EventBus/run.sh, which starts the servers.");
var loadAtStart = LoadAverage();

var latency = new Table($"Publish-to-handle latency, idle ({LatencyEvents} events, one per transaction, {pause.TotalMilliseconds:0} ms apart)",
    "transport", "p50 ms", "p95 ms", "p99 ms", "max ms");
var throughput = new Table($"Sustained throughput (one producer, two consumer instances, {ThroughputEvents:N0} events, bounded to {bound.TotalSeconds:0} s)",
    "transport", "producer", "produce s", "end-to-end s", "events/s", "handled", "split c1/c2", "twice");
var summary = new Table("Summary: Wolverine (now) and the home-made bus (commit 2ede6b5), same machine, same run",
    "bus", "transport", "p50 ms", "p95 ms", "events/s", "best producer", "events/s, outbox 1 per tx, 8 writers");

foreach (var spec in transports)
{
    var parts = spec.Split(',');
    var transport = parts[0];
    var label = transport == "kafka" ? spec.Replace("kafka", "kafka (librdkafka mock)", StringComparison.Ordinal) : spec;
    using var kafka = transport == "kafka" ? KafkaMockCluster.Start() : null;
    var settings = new Dictionary<string, string?>
    {
        ["EventBus:Transport"] = transport,
        ["EventBus:Namespace"] = $"b{Guid.NewGuid():N}"[..9] + ".",
        ["EventBus:CodeGeneration"] = "Dynamic",
        ["ConnectionStrings:messaging"] = Environment.GetEnvironmentVariable("VOICEHELPER_TEST_RABBITMQ"),
        ["ConnectionStrings:kafka"] = kafka?.BootstrapServers,
    };
    foreach (var option in parts.Skip(1).Select(p => p.Split('=', 2)))
    {
        settings[$"EventBus:{option[0]}"] = option[1];
    }
    Console.Error.WriteLine($"[bench] {label}: starting");
    await using var bench = new TransportBench(await CreateDatabaseAsync(admin, "bench_bus"), settings);
    await bench.StartAsync();
    await bench.ThroughputAsync(200, 10, 1, bound); // warm-up: JIT, pools, queues and consumer groups settled

    Console.Error.WriteLine($"[bench] {label}: idle latency");
    var sorted = await bench.IdleLatencyAsync(LatencyEvents, pause);
    latency.Add(label, F(Percentile(sorted, 0.50), "0.0"), F(Percentile(sorted, 0.95), "0.0"), F(Percentile(sorted, 0.99), "0.0"), F(sorted[^1], "0.0"));

    var rates = new List<(string Shape, ThroughputResult Result)>();
    foreach (var (producer, perTransaction, writers) in shapes)
    {
        Console.Error.WriteLine($"[bench] {label}: throughput, {producer}");
        var result = await bench.ThroughputAsync(ThroughputEvents, perTransaction, writers, bound);
        rates.Add((producer, result));
        throughput.Add(label, producer, F(result.Produced.TotalSeconds, "0.0"), F(result.EndToEnd.TotalSeconds, "0.0"), Rate(result),
            $"{result.Handled}/{result.Events}", result.Split, F(result.Duplicates));
        if (!result.Completed)
        {
            break; // its backlog would run into the next measurement
        }
    }
    var best = rates.MaxBy(r => r.Result.EventsPerSecond);
    summary.Add("Wolverine 6.62", label, F(Percentile(sorted, 0.50), "0.0"), F(Percentile(sorted, 0.95), "0.0"),
        Rate(best.Result), best.Shape, Rate(rates[0].Result));
}
if (baseline is not null)
{
    summary.Add("home-made (2ede6b5)", "PostgreSQL log", baseline.P50, baseline.P95, baseline.Best, baseline.BestProducer, baseline.OutboxConcurrent);
}

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, 1-min load average {loadAtStart} at the start and {LoadAverage()} at the end" +
    (baseline is null ? "" : $" ({baseline.Load} at the end of the home-made bus's bench)") +
    $"; .NET {Environment.Version}; PostgreSQL 15 and RabbitMQ from scripts/test-servers.sh (fsync off); " +
    "EventBus defaults (ListenerParallelism 4, RecoveryInterval 2 s) unless a transport names its options; all hosts in one process.");
summary.Print();
latency.Print();
throughput.Print();
return;

static string Rate(ThroughputResult result) => F(result.EventsPerSecond, "0") + (result.Completed ? "" : " (bound hit)");

static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

static string F(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

static async Task<string> CreateDatabaseAsync(string admin, string prefix)
{
    var name = $"{prefix}_{Guid.NewGuid():N}";
    await using (var connection = new NpgsqlConnection(admin))
    {
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }
    return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 150 }.ConnectionString;
}

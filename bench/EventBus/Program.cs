using VoiceHelper.Bench;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using VoiceHelper.Contracts;
using VoiceHelper.Contracts.Events;
using VoiceHelper.EventBus.Bench;
using VoiceHelper.ServiceDefaults.Messaging;

// Usage: dotnet run -c Release --project bench/EventBus [-- "Host=...;Username=...;Database=postgres"]
// Without a connection string it starts its own throwaway PostgreSQL 15 (like scripts/test.sh) and removes it at the end.
using var server = args.Length == 0 ? ThrowawayPostgres.Start() : null;
var admin = args.Length > 0 ? args[0] : server!.ConnectionString;
var eventsDb = await CreateDatabaseAsync(admin, "bench_events");
var serviceDb = await CreateDatabaseAsync(admin, "bench_service");
var clock = new BenchClock();
var tenant = Guid.NewGuid();
var users = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToArray();

var consumers = new[] { Build("consumer-1", producer: false), Build("consumer-2", producer: false) };
var producerHost = Build("producer", producer: true);
foreach (var host in consumers.Append(producerHost))
{
    await host.StartAsync();
}
await WaitAsync(async () => await ScalarAsync(eventsDb,
    "SELECT count(DISTINCT lease_owner) FROM bus_consumer_offsets WHERE group_name = 'bench' AND lease_expires_at > now()") == 2, "both consumers own partitions");
var outbox = producerHost.Services.GetRequiredService<IOutbox>();
var publisher = producerHost.Services.GetRequiredService<IEventPublisher>();
await using var serviceData = NpgsqlDataSource.Create(serviceDb);

await PublishViaOutboxAsync(100, 10); // warm-up: JIT, pools, prepared plans
await WaitAsync(() => Task.FromResult(clock.HandledCount == 100), "warm-up handled");

var latency = new Table("Publish-to-handle latency on an idle bus (consumer group of 2, 8 partitions)",
    "path", "events", "p50 ms", "p95 ms", "p99 ms", "max ms");
latency.Add(LatencyRow("outbox (commit -> relay -> log -> handler)", await IdleLatencyAsync(300, outboxPath: true)));
latency.Add(LatencyRow("direct publish (log -> handler)", await IdleLatencyAsync(300, outboxPath: false)));

var throughput = new Table("Sustained throughput (one producer, consumer group of 2 instances, 8 partitions)",
    "producer", "events", "produce s", "end-to-end s", "events/s", "split c1/c2");
throughput.Add(await ThroughputAsync("outbox, 1 event per transaction", 10_000, () => PublishViaOutboxAsync(10_000, 1)));
throughput.Add(await ThroughputAsync("outbox, 1 event per transaction, 8 concurrent requests", 20_000,
    () => Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PublishViaOutboxAsync(2_500, 1)))));
throughput.Add(await ThroughputAsync("outbox, 50 events per transaction", 40_000, () => PublishViaOutboxAsync(40_000, 50)));
throughput.Add(await ThroughputAsync("direct publish, batches of 100", 40_000, () => PublishDirectAsync(40_000, 100)));

foreach (var host in consumers.Append(producerHost))
{
    await host.StopAsync();
    host.Dispose();
}
// The machine is shared: the load average says how much of it the bench really had.
var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores (1-min load average at the end: {load}), .NET {Environment.Version}, " +
    "PostgreSQL 15 (fsync=off, synchronous_commit=off, as in scripts/test.sh).");
latency.Print();
throughput.Print();
return;

IHost Build(string instance, bool producer)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        [$"ConnectionStrings:{ResourceNames.EventsDb}"] = eventsDb,
        ["ConnectionStrings:servicedb"] = serviceDb,
    });
    builder.Services.AddSingleton(clock);
    builder.Services.AddSingleton(new BenchInstance(instance));
    if (producer)
    {
        builder.AddOutbox("servicedb");
    }
    else
    {
        builder.AddEventHandler<UsageRecorded, BenchHandler>("bench");
    }
    return builder.Build();
}

UsageRecorded NewEvent(int i) => new(tenant, users[i % users.Length], Guid.NewGuid(), "chat", "embedded", "default", 120, 80, 0.0004m, 350,
    DateTimeOffset.UtcNow);

async Task<List<double>> IdleLatencyAsync(int count, bool outboxPath)
{
    clock.Reset();
    var ids = new List<Guid>();
    for (var i = 0; i < count; i++)
    {
        var @event = NewEvent(i);
        ids.Add(@event.UsageId);
        clock.Published(@event.UsageId, Stopwatch.GetTimestamp());
        if (outboxPath)
        {
            await EnqueueAsync([@event]);
        }
        else
        {
            await publisher.PublishAsync(@event);
        }
        await WaitAsync(() => Task.FromResult(clock.WasHandled(@event.UsageId)), "the event is handled", pollMs: 1);
        await Task.Delay(20); // idle between events: each one finds the consumers waiting
    }
    return clock.LatenciesMs(ids);
}

async Task<string[]> ThroughputAsync(string name, int count, Func<Task> produce)
{
    clock.Reset();
    var started = Stopwatch.GetTimestamp();
    await produce();
    var produced = Stopwatch.GetElapsedTime(started);
    await WaitAsync(() => Task.FromResult(clock.HandledCount >= count), $"{count} events handled", timeoutSeconds: 300);
    var total = Stopwatch.GetElapsedTime(started, clock.LastHandled);
    var split = string.Join("/", clock.PerInstance.OrderBy(p => p.Key).Select(p => p.Value.ToString(CultureInfo.InvariantCulture)));
    return [name, F(count), F(produced.TotalSeconds, "0.00"), F(total.TotalSeconds, "0.00"), F(count / total.TotalSeconds, "0"), split];
}

async Task PublishViaOutboxAsync(int count, int perTransaction)
{
    for (var sent = 0; sent < count; sent += perTransaction)
    {
        var events = Enumerable.Range(sent, Math.Min(perTransaction, count - sent)).Select(NewEvent).ToList();
        var now = Stopwatch.GetTimestamp();
        events.ForEach(e => clock.Published(e.UsageId, now));
        await EnqueueAsync(events);
    }
}

async Task PublishDirectAsync(int count, int perBatch)
{
    for (var sent = 0; sent < count; sent += perBatch)
    {
        var events = Enumerable.Range(sent, Math.Min(perBatch, count - sent)).Select(NewEvent).ToList();
        foreach (var @event in events)
        {
            clock.Published(@event.UsageId, Stopwatch.GetTimestamp());
        }
        // One append per batch, as a forwarding producer would do.
        await publisher.PublishAsync(events.Select(ToEnvelope).ToList());
    }
}

EventEnvelope ToEnvelope(UsageRecorded e) =>
    new(Guid.CreateVersion7(), UsageRecorded.Topic, $"{e.TenantId:N}:{e.UserId:N}", nameof(UsageRecorded), e.TenantId, DateTimeOffset.UtcNow,
        Activity.Current?.Id, 1, System.Text.Json.JsonSerializer.Serialize(e, EventJson.Options));

async Task EnqueueAsync(IReadOnlyList<UsageRecorded> events)
{
    await using var connection = await serviceData.OpenConnectionAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await outbox.EnqueueAsync(connection, transaction, events);
    await transaction.CommitAsync();
}

static string[] LatencyRow(string name, List<double> sorted) =>
    [name, F(sorted.Count), F(Percentile(sorted, 0.50), "0.0"), F(Percentile(sorted, 0.95), "0.0"), F(Percentile(sorted, 0.99), "0.0"), F(sorted[^1], "0.0")];

static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

static string F(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

static async Task WaitAsync(Func<Task<bool>> condition, string what, int pollMs = 20, int timeoutSeconds = 60)
{
    var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
    while (!await condition())
    {
        if (DateTime.UtcNow > deadline)
        {
            throw new TimeoutException($"Timed out waiting until {what}.");
        }
        await Task.Delay(pollMs);
    }
}

static async Task<long> ScalarAsync(string connectionString, string sql)
{
    try
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
    catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
    {
        return 0; // the consumers are still creating the bus tables
    }
}

static async Task<string> CreateDatabaseAsync(string admin, string prefix)
{
    var name = $"{prefix}_{Guid.NewGuid():N}";
    await using (var connection = new NpgsqlConnection(admin))
    {
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }
    return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
}

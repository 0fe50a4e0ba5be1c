using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using StackExchange.Redis;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Assistant.Models;
using VoiceHelper.Bench;
using VoiceHelper.Contracts.Api;
using VoiceHelper.Testing;

// The model router's costs. 1) The routing decision (ModelRouting.Decide over a model table, with each model's health
// read from ModelHealth as the pipeline does), per strategy and table size: target p95 < 1 ms. 2) Budget accounting
// against real Redis: --tenants tenants (100) each with --workers concurrent requests (2) reserving and settling their
// cost (two Lua scripts per response, as every answer does) for --seconds; then the same tenants with a budget of
// 50 answers hammered past it, to show that no tenant overspends by more than one answer.
// Usage: bench/Router/run.sh [--iterations 100000] [--tenants 100] [--workers 2] [--seconds 10]
var iterations = Arg("--iterations", 100_000);
var tenants = Arg("--tenants", 100);
var workers = Arg("--workers", 2);
var seconds = Arg("--seconds", 10);

Console.WriteLine($"Router bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {iterations:N0} decisions per row");
var decisions = new Table("Routing decision overhead (in process)", "strategy", "models", "p50 µs", "p95 µs", "p99 µs", "max µs");
foreach (var size in new[] { 9, 33 })
{
    var health = new ModelHealth();
    var models = Enumerable.Range(0, size - 1).Select(i => new RouteCandidate($"m{i}", 0.1m * (i % 7 + 1), 0.3m * (i % 5 + 1),
        4_096 << (i % 6), i % 5 + 1)).ToList();
    foreach (var model in models)
    {
        for (var n = 0; n < ModelHealth.Window; n++)
        {
            health.Succeeded(model.Key, 100 + (n * 37 + model.Key.Length * 11) % 900);
        }
    }
    foreach (var strategy in new string?[] { null }.Concat(RoutingStrategies.All))
    {
        var samples = new double[iterations];
        var complexities = Enum.GetValues<RagQueryComplexity>();
        for (var i = -iterations / 10; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            // What TenantRouter does per request: the table with measured health, then the pure decision.
            var table = new List<RouteCandidate>(size);
            foreach (var model in models)
            {
                var measured = health.Of(model.Key);
                table.Add(model with { LatencyP50Ms = measured.LatencyP50Ms, ErrorRate = measured.ErrorRate });
            }
            table.Add(new RouteCandidate("extractive", 0, 0, 4_096, 1, LastResort: true));
            var decision = ModelRouting.Decide(table, new RouteRequest(strategy, 1_500 + i % 3_000, 1_024, complexities[(i & int.MaxValue) % complexities.Length],
                Pinned: i % 4 == 0 ? "m3" : null, SoftLimit: i % 10 == 0));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            if (i >= 0)
            {
                samples[i] = elapsed;
            }
            GC.KeepAlive(decision);
        }
        Array.Sort(samples);
        decisions.Add(strategy ?? "(configured order)", size.ToString(CultureInfo.InvariantCulture), Micro(samples, 0.5), Micro(samples, 0.95),
            Micro(samples, 0.99), samples[^1].ToString("0.0", CultureInfo.InvariantCulture));
    }
}
decisions.Print();

if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("VOICEHELPER_TEST_REDIS")))
{
    Console.WriteLine("\nNo VOICEHELPER_TEST_REDIS: run bench/Router/run.sh for the budget accounting part.");
    return;
}
var database = await TestServers.CreateDatabaseAsync("bench_router");
await using var dataSource = NpgsqlDataSource.Create(database);
await using (var create = dataSource.CreateCommand(MigrationSql("0001-assistant.sql")))
{
    await create.ExecuteNonQueryAsync();
}
await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
var services = new ServiceCollection().AddSingleton<IConnectionMultiplexer>(redis).BuildServiceProvider();
var ledger = new BudgetLedger(services, dataSource, NullLogger<BudgetLedger>.Instance);
const decimal answerCost = 0.0123m;
const decimal estimate = 0.02m;

var accounting = new Table($"Budget accounting against Redis ({tenants} tenants x {workers} concurrent requests, reserve + settle per answer)",
    "phase", "answers accounted", "answers/s", "p50 ms", "p95 ms", "p99 ms", "refused", "max overspend / answer cost");
foreach (var (phase, budgetAnswers, duration) in new[] { ("no budget reached", (int?)null, seconds), ("budget of 50 answers, hammered past it", 50, seconds / 2) })
{
    var ids = Enumerable.Range(0, tenants).Select(_ => Guid.NewGuid()).ToList();
    decimal? budget = budgetAnswers is { } n ? n * answerCost : null;
    var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
    long refused = 0;
    var stop = Stopwatch.StartNew();
    var clock = TimeProvider.System;
    await Task.WhenAll(ids.SelectMany(tenant => Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
    {
        var mine = new List<double>();
        while (stop.Elapsed.TotalSeconds < duration)
        {
            var started = Stopwatch.GetTimestamp();
            var reservation = await ledger.ReserveAsync(tenant, budget, estimate, clock.GetUtcNow());
            if (reservation is null)
            {
                Interlocked.Increment(ref refused);
                continue;
            }
            await ledger.SettleAsync(reservation, answerCost);
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        foreach (var latency in mine)
        {
            latencies.Add(latency);
        }
    }))));
    var elapsed = stop.Elapsed.TotalSeconds;
    var sorted = latencies.Order().ToArray();
    var overspend = 0m;
    if (budget is { } limit)
    {
        foreach (var tenant in ids)
        {
            var state = await ledger.StateAsync(tenant, limit, 1m, clock.GetUtcNow());
            overspend = Math.Max(overspend, state.SpentUsd - limit);
        }
    }
    accounting.Add(phase, sorted.Length.ToString("N0", CultureInfo.InvariantCulture), (sorted.Length / elapsed).ToString("N0", CultureInfo.InvariantCulture),
        Milli(sorted, 0.5), Milli(sorted, 0.95), Milli(sorted, 0.99), refused.ToString("N0", CultureInfo.InvariantCulture),
        budget is null ? "-" : (overspend / answerCost).ToString("0.00", CultureInfo.InvariantCulture));
}
accounting.Print();

static string Micro(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)]
    .ToString("0.0", CultureInfo.InvariantCulture);

static string Milli(double[] sorted, double p) => sorted.Length == 0 ? "-" : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)]
    .ToString("0.00", CultureInfo.InvariantCulture);

static string MigrationSql(string file)
{
    var assembly = typeof(BudgetLedger).Assembly;
    using var stream = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith(file, StringComparison.Ordinal)))!;
    return new StreamReader(stream).ReadToEnd();
}

int Arg(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

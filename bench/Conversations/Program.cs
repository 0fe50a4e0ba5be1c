using VoiceHelper.Bench;
// Conversations bench: a turn's overhead excluding answer generation (the Assistant answers instantly and its
// own time is subtracted), and sustained turns/s with 100 concurrent conversations. Everything runs on loopback
// against a throwaway PostgreSQL and Redis, and the run is bounded: it stops itself.
//   dotnet run -c Release --project bench/Conversations [-- --seconds 20 --concurrency 100 --turns 300 --warmup 300]
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using VoiceHelper.Conversations.Bench;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults;
using VoiceHelper.ServiceDefaults.Security;

var seconds = Arg("--seconds", 20);
var concurrency = Arg("--concurrency", 100);
var sequentialTurns = Arg("--turns", 300);
// Steady state, not start-up: the runtime recompiles hot methods (tiered JIT) in the background during the first
// few hundred turns, and on 2 cores that competes with the turns being measured.
var warmupTurns = Arg("--warmup", 300);
using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 120));

using var postgres = ThrowawayPostgres.Start();
using var redis = ThrowawayRedis.Start();
await using var assistant = await InstantAssistant.StartAsync();
using var tokens = new BenchTokens();
var conversationsDb = await CreateDatabase(postgres.ConnectionString, "conversations");
var eventsDb = await CreateDatabase(postgres.ConnectionString, "events");

var assembly = typeof(ApplicationServices).Assembly;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = assembly.GetName().Name, EnvironmentName = "Production" });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:conversationsdb"] = conversationsDb,
    ["ConnectionStrings:eventsdb"] = eventsDb,
    ["ConnectionStrings:cache"] = redis.ConnectionString,
    ["services:assistant:http:0"] = assistant.Address.ToString(),
    ["RateLimits:PermitsPerUser"] = "1000000",
    ["RateLimits:PermitsPerIp"] = "1000000",
    ["Logging:LogLevel:Default"] = "Warning",
});
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.Replace(ServiceDescriptor.Singleton<ISigningKeySource>(tokens));
await using var app = builder.Build();
app.MapDefaultEndpoints();
app.MapFeatureEndpoints(assembly);
await app.StartAsync(deadline.Token);
var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

// 1. Overhead, one turn at a time: client latency minus the time the Assistant held the request.
var single = await NewUser();
var conversations = new List<Guid>();
for (var i = 0; i < 10; i++)
{
    conversations.Add(await CreateConversation(single));
}
var overheads = new List<double>();
var sequentialErrors = 0;
for (var i = -warmupTurns; i < sequentialTurns && !deadline.IsCancellationRequested; i++)
{
    var (ok, overhead, _) = await Turn(single, conversations[(i + warmupTurns) % conversations.Count], $"seq {i}");
    if (i >= 0)
    {
        sequentialErrors += ok ? 0 : 1;
        if (ok)
        {
            overheads.Add(overhead);
        }
    }
}

// 2. Sustained load: each of N conversations (one user each) sends its next question as soon as it has an answer.
var users = new List<(string Token, Guid Conversation)>();
for (var i = 0; i < concurrency; i++)
{
    var token = await NewUser();
    users.Add((token, await CreateConversation(token)));
}
var loadOverheads = new System.Collections.Concurrent.ConcurrentBag<double>();
var loadLatencies = new System.Collections.Concurrent.ConcurrentBag<double>();
var loadErrors = 0;
var turns = 0;
var clock = Stopwatch.StartNew();
var stopAt = TimeSpan.FromSeconds(seconds);
await Task.WhenAll(users.Select((user, index) => Task.Run(async () =>
{
    for (var n = 0; clock.Elapsed < stopAt && !deadline.IsCancellationRequested; n++)
    {
        var (ok, overhead, latency) = await Turn(user.Token, user.Conversation, $"load {index}-{n}");
        if (ok)
        {
            Interlocked.Increment(ref turns);
            loadOverheads.Add(overhead);
            loadLatencies.Add(latency);
        }
        else
        {
            Interlocked.Increment(ref loadErrors);
        }
    }
})));
var elapsed = clock.Elapsed.TotalSeconds;
await app.StopAsync(CancellationToken.None);

Console.WriteLine();
Console.WriteLine($"Conversations bench ({Environment.ProcessorCount} cores, loopback, instant Assistant, PostgreSQL + Redis)");
Console.WriteLine($"| {"measure",-52} | {"value",12} | {"target",10} |");
Console.WriteLine($"|{new string('-', 54)}|{new string('-', 14)}|{new string('-', 12)}|");
Row($"turn overhead p50, sequential ({overheads.Count} turns)", $"{Percentiles.Of(overheads, 0.50):F1} ms", "");
Row($"turn overhead p95, sequential", $"{Percentiles.Of(overheads, 0.95):F1} ms", "< 20 ms");
Row($"errors, sequential", $"{sequentialErrors}", "0");
Row($"sustained turns/s, {concurrency} concurrent conversations, {seconds} s", $"{turns / elapsed:F0}", "");
Row($"turn latency p50 / p95 under load", $"{Percentiles.Of([.. loadLatencies], 0.50):F0} / {Percentiles.Of([.. loadLatencies], 0.95):F0} ms", "");
Row($"turn overhead p95 under load", $"{Percentiles.Of([.. loadOverheads], 0.95):F1} ms", "");
Row($"errors under load ({turns + loadErrors} turns)", $"{loadErrors}", "0");
return sequentialErrors + loadErrors == 0 ? 0 : 1;

async Task<(bool Ok, double OverheadMs, double LatencyMs)> Turn(string token, Guid conversation, string query)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages")
    {
        Content = JsonContent.Create(new { content = query }),
    };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var started = Stopwatch.GetTimestamp();
    try
    {
        using var response = await http.SendAsync(request, deadline.Token);
        await response.Content.ReadAsByteArrayAsync(deadline.Token);
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var assistantMs = assistant.ServerMs.TryRemove(query, out var ms) ? ms : 0;
        return (response.IsSuccessStatusCode, latency - assistantMs, latency);
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
    {
        return (false, 0, 0);
    }
}

Task<string> NewUser() => Task.FromResult(tokens.Issue(Guid.NewGuid(), Guid.NewGuid()));

async Task<Guid> CreateConversation(string token)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/conversations") { Content = JsonContent.Create(new { title = "bench" }) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request, deadline.Token);
    response.EnsureSuccessStatusCode();
    var created = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(deadline.Token);
    return created.GetProperty("id").GetGuid();
}

static async Task<string> CreateDatabase(string admin, string name)
{
    await using var connection = new NpgsqlConnection(admin);
    await connection.OpenAsync();
    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
    await create.ExecuteNonQueryAsync();
    return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
}

static void Row(string measure, string value, string target) => Console.WriteLine($"| {measure,-52} | {value,12} | {target,10} |");

int Arg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}

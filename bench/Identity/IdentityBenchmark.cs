// Identity benchmark: login latency under 50 concurrent clients, the password hash's share of it, and the
// cost of validating a token in another service. Loopback only; every phase is bounded by count and time.
// Needs PostgreSQL and Redis: run through bench/Identity/run.sh, which starts throwaway ones.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using VoiceHelper.Identity.Bench;
using VoiceHelper.Identity.Common;
using VoiceHelper.Testing;

namespace VoiceHelper.Identity.Bench;

/// <summary>A class of its own: the service's top-level <c>Program</c> is what WebApplicationFactory starts.</summary>
internal static class IdentityBenchmark
{
    public static async Task<int> Main()
    {
        const int Clients = 50;
        const int LoginsPerClient = 6;
        const int NoopPerClient = 400;
        const string Password = "Correct-Horse-42";
        var deadline = TimeSpan.FromSeconds(90);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

        var database = await TestServers.CreateDatabaseAsync("identity_bench");
        await using var identity = new IdentityHost(database, TestServers.Redis);
        identity.UseKestrel(0);
        identity.StartServer();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = identity.Address };
        Console.WriteLine($"Identity on {identity.Address}, {Environment.ProcessorCount} cores; registering {Clients} users...");

        var emails = new string[Clients];
        await Parallel.ForAsync(0, Clients, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            emails[i] = $"bench-{Guid.NewGuid():N}@example.test";
            var response = await http.PostAsJsonAsync("/api/v1/auth/register",
                new { tenant_name = $"Bench {i}", email = emails[i], username = $"bench{i}", password = Password }, ct);
            response.EnsureSuccessStatusCode();
        });

        async Task<bool> Login(int client) =>
            (await http.PostAsJsonAsync("/api/v1/auth/login", new { email = emails[client], password = Password })).IsSuccessStatusCode;

        // The hash alone, at the configured cost, on one thread.
        var hashing = new PasswordHashing(Options.Create(new PasswordHasherOptions()));
        var stored = hashing.Hash(Password);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var hashTimes = Enumerable.Range(0, 15).Select(_ =>
        {
            var started = Stopwatch.GetTimestamp();
            hashing.Verify(stored, Password);
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }).Order().ToArray();
        var hashMs = LoadRun.Percentile(hashTimes, 0.5);
        // CPU time does not grow with the machine's load the way wall time does: it is the hash's real cost.
        var hashCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / hashTimes.Length;

        await LoadRun.RunAsync(Clients, 1, deadline, Login); // warm-up: JIT, connection pools, dummy hash
        var cpuBeforeLogins = Process.GetCurrentProcess().TotalProcessorTime;
        var sequential = await LoadRun.RunAsync(1, 20, deadline, Login);
        // Client, Kestrel, handler, EF and the hash all run in this process; PostgreSQL and Redis (separate processes) do not count.
        var loginCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBeforeLogins).TotalMilliseconds / sequential.Calls;
        var concurrent = await LoadRun.RunAsync(Clients, LoginsPerClient, deadline, Login);

        // Token validation in another service.
        var tokens = new string[Clients];
        for (var i = 0; i < Clients; i++)
        {
            var response = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = emails[i], password = Password });
            tokens[i] = (await response.Content.ReadFromJsonAsync<TokenResponse>(json))!.AccessToken;
        }
        var (probeApp, probeAddress) = await ProbeHost.StartAsync(identity.Address, TestServers.Redis);
        await using var _ = probeApp;
        using var probe = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = probeAddress };

        async Task<bool> Noop(int client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/noop");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[client]);
            return (await probe.SendAsync(request)).IsSuccessStatusCode;
        }
        async Task<bool> Anonymous(int client) => (await probe.GetAsync("/noop-anonymous")).IsSuccessStatusCode;

        await LoadRun.RunAsync(Clients, 20, deadline, Noop); // warm-up: JWKS fetch, JIT
        await LoadRun.RunAsync(Clients, 20, deadline, Anonymous);
        var anonymous = await LoadRun.RunAsync(Clients, NoopPerClient, deadline, Anonymous);
        var authenticated = await LoadRun.RunAsync(Clients, NoopPerClient, deadline, Noop);
        var single = await LoadRun.RunAsync(1, 500, deadline, Noop);
        var singleAnonymous = await LoadRun.RunAsync(1, 500, deadline, Anonymous);
        await probeApp.StopAsync();

        string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        string Row(string name, LoadResult r) =>
            $"| {name,-44} | {r.Calls,6} | {r.Failures,4} | {F(r.PerSecond),8} | {F(r.P50),8} | {F(r.P95),8} |";

        Console.WriteLine();
        Console.WriteLine($"| {"scenario",-44} | {"calls",6} | {"fail",4} | {"req/s",8} | {"p50 ms",8} | {"p95 ms",8} |");
        Console.WriteLine($"|{new string('-', 46)}|{new string('-', 8)}|{new string('-', 6)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 10)}|");
        Console.WriteLine(Row("login, 1 client", sequential));
        Console.WriteLine(Row($"login, {Clients} concurrent clients", concurrent));
        Console.WriteLine(Row($"other service, anonymous no-op, {Clients} clients", anonymous));
        Console.WriteLine(Row($"other service, authenticated no-op, {Clients} cl.", authenticated));
        Console.WriteLine(Row("other service, anonymous no-op, 1 client", singleAnonymous));
        Console.WriteLine(Row("other service, authenticated no-op, 1 client", single));
        Console.WriteLine();
        Console.WriteLine($"password hash (PBKDF2, {new PasswordHasherOptions().IterationCount} iterations), 1 thread: {F(hashMs)} ms "
            + $"(wall, varies with the load); CPU per login {F(loginCpuMs)} ms of which the hash is {F(100 * hashCpuMs / loginCpuMs)} %; "
            + $"CPU time per hash {F(hashCpuMs)} ms, so at most ~{F(Environment.ProcessorCount * 1000 / hashCpuMs)} logins/s "
            + $"on {Environment.ProcessorCount} idle cores and a {Clients}-client p95 of at least ~{F(Clients * hashCpuMs / Environment.ProcessorCount)} ms");
        Console.WriteLine($"token validation overhead (authenticated - anonymous), 1 client: p50 {F(single.P50 - singleAnonymous.P50)} ms, "
            + $"p95 {F(single.P95 - singleAnonymous.P95)} ms; {Clients} clients: p95 {F(authenticated.P95 - anonymous.P95)} ms");
        Console.WriteLine($"load average during the run (1/5/15 min): {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}");
        return concurrent.Failures + authenticated.Failures > 0 ? 1 : 0;
    }
}

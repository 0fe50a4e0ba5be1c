using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using VoiceHelper.Contracts;

namespace VoiceHelper.AppHost.Tests.EndToEnd;

/// <summary>The whole system started through the AppHost, reached through the gateway, then stopped with SIGTERM.</summary>
public sealed class SystemLifecycleTests
{
    private static readonly string[] Services =
        [ResourceNames.Identity, ResourceNames.Knowledge, ResourceNames.Ingestion, ResourceNames.Assistant, ResourceNames.Conversations, ResourceNames.Voice];

    [Fact]
    public async Task Starts_everything_behind_the_gateway_serves_a_logout_across_services_and_leaves_nothing_behind_on_SIGTERM()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("voicehelper-e2e-").FullName;
        File.SetUnixFileMode(data, (UnixFileMode)0x1ED); // 0755: the postgres user must reach its folder
        var gatewayPort = FreePort();
        await using var host = AppHostProcess.Start(new Dictionary<string, string?>
        {
            ["VOICEHELPER_TOOLS_DIR"] = null, // as after the README's two commands: the AppHost finds setup's tools itself
            ["VOICEHELPER_DATA_DIR"] = data,
            ["VOICEHELPER_GATEWAY_PORT"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayPort}"), Timeout = TimeSpan.FromSeconds(60) };
            var deadline = Stopwatch.StartNew();
            var healthy = new HashSet<string>();
            while (healthy.Count < Services.Length && deadline.Elapsed < TimeSpan.FromSeconds(150) && !host.HasExited)
            {
                foreach (var service in Services.Except(healthy))
                {
                    try
                    {
                        using var response = await http.GetAsync(new Uri($"/health/{service}", UriKind.Relative), ct);
                        if (response.IsSuccessStatusCode)
                        {
                            healthy.Add(service);
                        }
                    }
                    catch (HttpRequestException)
                    {
                    }
                }
                await Task.Delay(250, ct);
            }
            healthy.ShouldBe(Services, ignoreOrder: true, customMessage: host.Output);

            using (var unknown = await http.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative), ct))
            {
                ((int)unknown.StatusCode).ShouldBe(404);
                (await unknown.Content.ReadAsStringAsync(ct)).ShouldContain("route_not_found");
            }
            await LogoutStopsTheTokenInAnotherService(http, ct);
            var children = host.Descendants();
            var ports = host.AnnouncedPorts();
            children.Count.ShouldBeGreaterThanOrEqualTo(Services.Length + 3); // services + postgres + redis + nginx
            ports.ShouldContain(gatewayPort);

            UnixSignal(host.Id, 15);
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                stop.CancelAfter(TimeSpan.FromSeconds(60));
                await host.WaitForExitAsync(stop.Token);
            }

            host.ExitCode.ShouldBe(0, host.Output);
            children.Where(Alive).ShouldBeEmpty(host.Output);
            ports.Where(Listening).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Identity issues the token; Conversations (another process) validates it via JWKS and the revocation list.</summary>
    private static async Task LogoutStopsTheTokenInAnotherService(HttpClient http, CancellationToken ct)
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        using (var register = await http.PostAsJsonAsync("/api/v1/auth/register",
            new { tenant_name = "E2E", email, username = "owner", password = "Str0ngPassw0rd" }, ct))
        {
            ((int)register.StatusCode).ShouldBe(201, await register.Content.ReadAsStringAsync(ct));
        }
        using var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Str0ngPassw0rd" }, ct);
        var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("access_token").GetString();

        using (var before = await Authorized(http, HttpMethod.Get, "/api/v1/conversations", token, ct))
        {
            ((int)before.StatusCode).ShouldBe(200, await before.Content.ReadAsStringAsync(ct));
        }
        using (var logout = await Authorized(http, HttpMethod.Post, "/api/v1/auth/logout", token, ct))
        {
            ((int)logout.StatusCode).ShouldBe(204);
        }
        using var after = await Authorized(http, HttpMethod.Get, "/api/v1/conversations", token, ct);
        ((int)after.StatusCode).ShouldBe(401);
    }

    private static async Task<HttpResponseMessage> Authorized(HttpClient http, HttpMethod method, string path, string? token, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request, ct);
    }

    private static bool Alive(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void UnixSignal(int pid, int signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}

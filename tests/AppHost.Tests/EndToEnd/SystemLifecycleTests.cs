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
    public async Task Starts_everything_behind_the_gateway_answers_from_an_uploaded_manual_revokes_on_logout_and_leaves_nothing_behind()
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
            await AnswersAConversationFromAnUploadedManual(http, ct);
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

    /// <summary>
    /// The product's main path through the gateway and every real service: a manual uploaded to Knowledge, indexed
    /// by the Ingestion worker, a conversation turn answered by the Assistant's embedded default with a citation,
    /// and a follow-up that only makes sense with the conversation's history.
    /// </summary>
    private static async Task AnswersAConversationFromAnUploadedManual(HttpClient http, CancellationToken ct)
    {
        var token = await RegisterAndLogin(http, ct);
        using var createKb = await Authorized(http, HttpMethod.Post, "/api/v1/knowledge/bases", token, ct, new { name = "Manuals" });
        var kb = JsonDocument.Parse(await createKb.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetString();

        using var upload = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/knowledge/bases/{kb}/documents", UriKind.Relative));
        upload.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        upload.Content = new MultipartFormDataContent
        {
            {
                new StringContent("# Router X200 manual\n\n## Resetting\n\nTo reset the X200 router, hold the reset button on the back for 10 seconds until the light blinks orange.\n\n## Warranty\n\nThe X200 has a two-year warranty covering hardware faults.\n"),
                "file", "x200.md"
            },
        };
        using var uploaded = await http.SendAsync(upload, ct);
        ((int)uploaded.StatusCode).ShouldBe(202, await uploaded.Content.ReadAsStringAsync(ct));
        var document = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("document_id").GetString();

        var deadline = Stopwatch.StartNew();
        string? status = null;
        while (status != "indexed" && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            using var poll = await Authorized(http, HttpMethod.Get, $"/api/v1/knowledge/documents/{document}", token, ct);
            status = JsonDocument.Parse(await poll.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("status").GetString();
            await Task.Delay(200, ct);
        }
        status.ShouldBe("indexed");

        using var createConversation = await Authorized(http, HttpMethod.Post, "/api/v1/conversations", token, ct, new { title = "Support", kb_ids = new[] { kb } });
        var conversation = JsonDocument.Parse(await createConversation.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetString();

        using var first = await Authorized(http, HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages", token, ct,
            new { content = "How long is the warranty of the X200?" });
        var answer = JsonDocument.Parse(await first.Content.ReadAsStringAsync(ct)).RootElement;
        ((int)first.StatusCode).ShouldBe(200, answer.ToString());
        answer.GetProperty("content").GetString()!.ShouldContain("two-year warranty");
        answer.GetProperty("content").GetString()!.ShouldContain("[1]");
        var cited = answer.GetProperty("sources").EnumerateArray().First(s => s.GetProperty("index").GetInt32() == 1);
        cited.GetProperty("document_id").GetString().ShouldBe(document);
        cited.GetProperty("heading_path").GetString()!.ShouldContain("Warranty");

        using var followUp = await Authorized(http, HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages", token, ct,
            new { content = "And how do I reset it?" });
        var second = JsonDocument.Parse(await followUp.Content.ReadAsStringAsync(ct)).RootElement;
        second.GetProperty("content").GetString()!.ShouldContain("hold the reset button", customMessage: second.ToString());
    }

    private static async Task<string?> RegisterAndLogin(HttpClient http, CancellationToken ct)
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        using (var register = await http.PostAsJsonAsync("/api/v1/auth/register",
            new { tenant_name = "E2E", email, username = "owner", password = "Str0ngPassw0rd" }, ct))
        {
            ((int)register.StatusCode).ShouldBe(201, await register.Content.ReadAsStringAsync(ct));
        }
        using var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Str0ngPassw0rd" }, ct);
        return JsonDocument.Parse(await login.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("access_token").GetString();
    }

    /// <summary>Identity issues the token; Conversations (another process) validates it via JWKS and the revocation list.</summary>
    private static async Task LogoutStopsTheTokenInAnotherService(HttpClient http, CancellationToken ct)
    {
        var token = await RegisterAndLogin(http, ct);

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

    private static async Task<HttpResponseMessage> Authorized(HttpClient http, HttpMethod method, string path, string? token, CancellationToken ct, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
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

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Contracts;

namespace VoiceHelper.AppHost.Tests.EndToEnd;

/// <summary>
/// The real AppHost started through Aspire.Hosting.Testing: every server and service under DCP, reached through the
/// gateway, the web console and the website widget driven in Chromium, the dashboard checked in Chromium, then stopped with nothing left running or listening.
/// </summary>
public sealed class SystemLifecycleTests
{
    private static readonly string[] Services =
        [ResourceNames.Identity, ResourceNames.Knowledge, ResourceNames.Ingestion, ResourceNames.Assistant, ResourceNames.Conversations, ResourceNames.Voice, ResourceNames.WebConsole];

    [Fact]
    public async Task Starts_everything_behind_the_gateway_answers_from_an_uploaded_manual_revokes_on_logout_and_leaves_nothing_behind()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("voicehelper-e2e-").FullName;
        File.SetUnixFileMode(data, (UnixFileMode)0x1ED); // 0755: the postgres user must reach its folder
        var gatewayPort = Repository.FreePort();
        var dashboardPort = Repository.FreePort();
        var browserToken = Guid.NewGuid().ToString("N");
        try
        {
            var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.VoiceHelper_AppHost>(
                [
                    $"VOICEHELPER_DATA_DIR={data}", $"VOICEHELPER_GATEWAY_PORT={gatewayPort}",
                    $"ASPNETCORE_URLS=http://127.0.0.1:{dashboardPort}",
                    $"ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:{Repository.FreePort()}",
                    "ASPIRE_ALLOW_UNSECURED_TRANSPORT=true", $"AppHost:BrowserToken={browserToken}",
                ],
                (options, _) => options.DisableDashboard = false, ct);
            appHost.Configuration["ASPNETCORE_URLS"] = $"http://127.0.0.1:{dashboardPort}";
            appHost.Configuration["AppHost:BrowserToken"] = browserToken;

            var pids = new HashSet<int>();
            var ports = new HashSet<int> { gatewayPort, dashboardPort };
            await using (var app = await appHost.BuildAsync(ct))
            {
                await app.StartAsync(ct);
                // No give-up of our own: a slow machine makes this slower, the test run's timeout bounds it.
                await app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, ct);

                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayPort}"), Timeout = TimeSpan.FromSeconds(300) }; // a loaded machine answers slowly, never wrongly
                foreach (var service in Services)
                {
                    using var health = await http.GetAsync(new Uri($"/health/{service}", UriKind.Relative), ct);
                    ((int)health.StatusCode).ShouldBe(200, $"/health/{service}");
                }
                await GatewayAnswersProblems(http, ct);
                await ConsolePage.RefusesAWrongPasswordThroughTheGateway(gatewayPort);
                var traces = await AnswersAConversationFromAnUploadedManual(http, ct);
                await TheWidgetAnswersOnItsSiteOnly(http, ct);
                await LogoutStopsTheTokenInAnotherService(http, ct);
                await ASecondRunFailsAtOnce(data, gatewayPort, ct);

                var model = app.Services.GetRequiredService<DistributedApplicationModel>();
                // Parameters and Aspire's own hidden resources (the dashboard itself, project rebuilders) have no row.
                var shown = model.Resources
                    .Where(r => r is not ParameterResource)
                    .Where(r => !app.ResourceNotifications.TryGetCurrentState(r.Name, out var current) || !current.Snapshot.IsHidden)
                    .Select(r => r.Name).ToList();
                await DashboardPage.ShowsEveryResourceRunningAndHealthy(DashboardUrl(app, dashboardPort), browserToken, shown, ct);
                // One trace per request, continued by every service it reaches: across HTTP (question) and across the bus (upload).
                await DashboardPage.ShowsOneTraceAcross(DashboardUrl(app, dashboardPort), browserToken, traces.Question,
                    [ResourceNames.Conversations, ResourceNames.Assistant, ResourceNames.Knowledge, "postgresql"], ct);
                await DashboardPage.ShowsOneTraceAcross(DashboardUrl(app, dashboardPort), browserToken, traces.Upload,
                    [ResourceNames.Knowledge, ResourceNames.Ingestion], ct);

                foreach (var resource in model.Resources)
                {
                    if (app.ResourceNotifications.TryGetCurrentState(resource.Name, out var state))
                    {
                        foreach (var property in state.Snapshot.Properties.Where(p => p.Name.EndsWith(".pid", StringComparison.Ordinal)))
                        {
                            if (int.TryParse(property.Value?.ToString(), CultureInfo.InvariantCulture, out var pid))
                            {
                                pids.Add(pid);
                            }
                        }
                    }
                    if (resource is IResourceWithEndpoints withEndpoints)
                    {
                        foreach (var endpoint in withEndpoints.GetEndpoints().Where(e => e.IsAllocated))
                        {
                            ports.Add(endpoint.Port);
                        }
                    }
                }
                pids.Count.ShouldBeGreaterThanOrEqualTo(Services.Length + 3, "services + postgres + redis + nginx");
                await app.StopAsync(ct);
            }

            var deadline = Stopwatch.StartNew();
            while ((pids.Any(Alive) || ports.Any(Repository.Listening) || ProcessesUsing(data).Count > 0) && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(250, ct);
            }
            pids.Where(Alive).ShouldBeEmpty();
            ports.Where(Repository.Listening).ShouldBeEmpty();
            ProcessesUsing(data).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Size refusals and unknown paths answer problem JSON, never nginx's HTML.</summary>
    private static async Task GatewayAnswersProblems(HttpClient http, CancellationToken ct)
    {
        var oversized = new string('a', 2_000_000);
        foreach (var path in new[] { "/api/v1/auth/register", "/api/v1/users" })
        {
            using var body = new StringContent($"{{\"tenant_name\":\"{oversized}\"}}", System.Text.Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(path, UriKind.Relative), body, ct);
            ((int)response.StatusCode).ShouldBe(413, path);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadAsStringAsync(ct)).ShouldContain("\"code\":\"payload_too_large\"");
        }
        // The call page and its script come from the Voice service through the gateway.
        foreach (var (path, type) in new[] { ("/voice", "text/html"), ("/voice/call.js", "text/javascript") })
        {
            using var page = await http.GetAsync(new Uri(path, UriKind.Relative), ct);
            ((int)page.StatusCode).ShouldBe(200, path);
            page.Content.Headers.ContentType?.MediaType.ShouldBe(type, path);
        }
        (await http.GetStringAsync(new Uri("/voice", UriKind.Relative), ct)).ShouldContain("<title>VoiceHelper call</title>");
        // The web console takes every other path: its page, and the Blazor script its circuit starts from.
        var console = await http.GetStringAsync(new Uri("/", UriKind.Relative), ct);
        console.ShouldContain("_framework/blazor.web");
        var script = System.Text.RegularExpressions.Regex.Match(console, "src=\"(_framework/blazor\\.web[^\"]*\\.js)\"").Groups[1].Value;
        using (var blazor = await http.GetAsync(new Uri("/" + script, UriKind.Relative), ct))
        {
            ((int)blazor.StatusCode).ShouldBe(200, script);
        }
        using var unknown = await http.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative), ct);
        ((int)unknown.StatusCode).ShouldBe(404);
        (await unknown.Content.ReadAsStringAsync(ct)).ShouldContain("route_not_found");
    }

    /// <summary>
    /// The product's main path through the gateway and every real service: a manual uploaded to Knowledge, indexed
    /// by the Ingestion worker, a conversation turn answered by the Assistant's embedded default with a citation,
    /// and a follow-up that only makes sense with the conversation's history. The upload and the first question carry
    /// a W3C trace context of the test's choosing, as a browser's or a client's instrumentation would send through the gateway.
    /// </summary>
    private static async Task<(string Upload, string Question)> AnswersAConversationFromAnUploadedManual(HttpClient http, CancellationToken ct)
    {
        var uploadTrace = ActivityTraceId.CreateRandom().ToHexString();
        var questionTrace = ActivityTraceId.CreateRandom().ToHexString();
        var token = await RegisterAndLogin(http, ct);
        var (kb, document) = await IndexDocument(http, token, "Manuals", "x200.md",
            "# Router X200 manual\n\n## Resetting\n\nTo reset the X200 router, hold the reset button on the back for 10 seconds until the light blinks orange.\n\n## Warranty\n\nThe X200 has a two-year warranty covering hardware faults.\n",
            TraceParent(uploadTrace), ct);

        using var createConversation = await Authorized(http, HttpMethod.Post, "/api/v1/conversations", token, ct, new { title = "Support", kb_ids = new[] { kb } });
        var conversation = JsonDocument.Parse(await createConversation.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetString();

        using var first = await Authorized(http, HttpMethod.Post, $"/api/v1/conversations/{conversation}/messages", token, ct,
            new { content = "How long is the warranty of the X200?" }, TraceParent(questionTrace));
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
        return (uploadTrace, questionTrace);
    }

    /// <summary>A knowledge base with one markdown document, uploaded (with the given trace context) and waited for until indexed.</summary>
    private static async Task<(string? KnowledgeBase, string? Document)> IndexDocument(HttpClient http, string? token, string baseName,
        string fileName, string markdown, string? traceParent, CancellationToken ct)
    {
        using var createKb = await Authorized(http, HttpMethod.Post, "/api/v1/knowledge/bases", token, ct, new { name = baseName });
        var kb = JsonDocument.Parse(await createKb.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetString();

        using var upload = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/knowledge/bases/{kb}/documents", UriKind.Relative));
        upload.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (traceParent is not null)
        {
            upload.Headers.Add("traceparent", traceParent);
        }
        upload.Content = new MultipartFormDataContent { { new StringContent(markdown), "file", fileName } };
        using var uploaded = await http.SendAsync(upload, ct);
        ((int)uploaded.StatusCode).ShouldBe(202, await uploaded.Content.ReadAsStringAsync(ct));
        var document = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("document_id").GetString();

        var deadline = Stopwatch.StartNew();
        string? status = null;
        while (status != "indexed" && deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            using var poll = await Authorized(http, HttpMethod.Get, $"/api/v1/knowledge/documents/{document}", token, ct);
            status = JsonDocument.Parse(await poll.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("status").GetString();
            await Task.Delay(200, ct);
        }
        status.ShouldBe("indexed");
        return (kb, document);
    }

    /// <summary>
    /// The website widget as a tenant embeds it: an owner creates a widget key for the tenant's site (another loopback
    /// origin) and its knowledge base, the page loads <c>widget.js</c> from the gateway, the real Identity exchanges the key for a visitor token,
    /// and a typed question is answered from the tenant's document with its citation; a site the key does not name is refused.
    /// </summary>
    private static async Task TheWidgetAnswersOnItsSiteOnly(HttpClient http, CancellationToken ct)
    {
        var token = await RegisterAndLogin(http, ct);
        var (kb, _) = await IndexDocument(http, token, "Help", "acme-d5.md",
            "# Acme D5 dishwasher guide\n\n## Loading\n\nPut glasses on the upper rack and plates on the lower rack.\n\n## Warranty\n\nThe D5 dishwasher has a five-year warranty on its motor.\n",
            traceParent: null, ct);
        await using var site = await VoiceHelper.Testing.HostPage.StartAsync(http.BaseAddress!);
        await using var otherSite = await VoiceHelper.Testing.HostPage.StartAsync(http.BaseAddress!);

        using var created = await Authorized(http, HttpMethod.Post, "/api/v1/widget-keys", token, ct,
            new { name = "Website", allowed_origins = new[] { site.Origin }, kb_ids = new[] { kb } });
        var body = await created.Content.ReadAsStringAsync(ct);
        ((int)created.StatusCode).ShouldBe(201, body);
        var key = JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!;
        key.ShouldStartWith("vhw_");

        await WidgetPage.IsRefusedOnAnotherSiteAndAnswersOnItsOwn(site, otherSite, key,
            "How long is the warranty of the D5 dishwasher?", "five-year warranty", "D5");
    }

    private static string TraceParent(string traceId) => $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

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

    /// <summary>Identity issues the token; Conversations (another process) validates it and sees the revocation at once.</summary>
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

    /// <summary>A second AppHost on the same data folder stops before building anything, saying why.</summary>
    private static async Task ASecondRunFailsAtOnce(string data, int gatewayPort, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (exitCode, output) = await ChildProcess.RunAsync(Repository.AppHostExecutable, [], ct,
            workingDirectory: Path.GetDirectoryName(Repository.AppHostExecutable),
            environment: new Dictionary<string, string>
            {
                ["VOICEHELPER_DATA_DIR"] = data,
                ["VOICEHELPER_GATEWAY_PORT"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            });
        exitCode.ShouldNotBe(0, output);
        output.ShouldContain("VoiceHelper is already running with the data folder");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), output);
    }

    private static async Task<HttpResponseMessage> Authorized(HttpClient http, HttpMethod method, string path, string? token, CancellationToken ct,
        object? body = null, string? traceParent = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request, ct);
    }

    /// <summary>The dashboard's address: its own resource's endpoint when the testing host lists one, else the configured port.</summary>
    private static string DashboardUrl(DistributedApplication app, int configuredPort)
    {
        try
        {
            return app.GetEndpoint("aspire-dashboard", "http").GetLeftPart(UriPartial.Authority);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return $"http://127.0.0.1:{configuredPort}";
        }
    }

    private static bool Alive(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Processes whose command line names the data folder (PostgreSQL, Redis, nginx of this run).</summary>
    private static List<int> ProcessesUsing(string data)
    {
        var found = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(data, StringComparison.Ordinal) && Alive(pid))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }
}

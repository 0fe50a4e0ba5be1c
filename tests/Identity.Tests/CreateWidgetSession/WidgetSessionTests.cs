using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.Identity.Tests.CreateWidgetSession;

/// <summary>
/// The widget's key-for-visitor-token exchange, and the visitor token in a separately hosted service (ServiceDefaults
/// only): accepted only where the widget needs it, only from its page's origin, stopped at once by revoking the key.
/// </summary>
public sealed class WidgetSessionTests(WidgetIdentityApp identity) : IClassFixture<WidgetIdentityApp>, IAsyncLifetime
{
    private const string Site = "http://127.0.0.1:5173";
    private readonly HttpClient _client = identity.CreateClient();
    private ProbeService _probe = null!;

    public async ValueTask InitializeAsync() => _probe = await ProbeService.StartAsync(identity.ListeningAddress);

    public async ValueTask DisposeAsync() => await _probe.DisposeAsync();

    [Fact]
    public async Task A_page_on_an_allowed_origin_gets_a_visitor_token_for_its_tenant_and_keeps_its_visitor()
    {
        var (account, tokens) = await Api.RegisterAndLoginAsync(_client);
        var (keyId, key, kbId) = await Api.CreateWidgetKeyAsync(identity.ClientWithToken(tokens.AccessToken), identity, "https://shop.example.com", Site);

        var first = await ReadSessionAsync(await Api.CreateWidgetSessionAsync(_client, key, Site));
        var again = await ReadSessionAsync(await Api.CreateWidgetSessionAsync(_client, key, Site, first.GetProperty("visitor_id").GetString()));

        again.GetProperty("visitor_subject").GetGuid().ShouldBe(first.GetProperty("visitor_subject").GetGuid());
        var response = await Send(_probe.CreateClient(Token(again)), "/probe/converse", Site);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var claims = JsonDocument.Parse(body).RootElement;
        claims.GetProperty("tenant").GetString().ShouldBe(account.TenantId.ToString());
        claims.GetProperty("sub").GetString().ShouldBe(first.GetProperty("visitor_subject").GetGuid().ToString());
        claims.GetProperty("widget_key").GetString().ShouldBe(keyId.ToString());
        claims.GetProperty("origin").GetString().ShouldBe(Site);
        claims.GetProperty("kb_ids").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([kbId]);
    }

    [Fact]
    public async Task Another_origin_an_unknown_key_and_no_key_are_refused()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var (_, key, kbId) = await Api.CreateWidgetKeyAsync(identity.ClientWithToken(tokens.AccessToken), identity, Site);

        await (await Api.CreateWidgetSessionAsync(_client, key, "http://127.0.0.1:5174")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        await (await Api.CreateWidgetSessionAsync(_client, key, "null")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        await (await Api.CreateWidgetSessionAsync(_client, "vhw_unknown", Site)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_widget_key");
        await (await Api.CreateWidgetSessionAsync(_client, key, Site, "short")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_visitor_token_is_refused_on_user_and_admin_endpoints()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var (_, key, kbId) = await Api.CreateWidgetKeyAsync(identity.ClientWithToken(tokens.AccessToken), identity, Site);
        var visitor = Token(await ReadSessionAsync(await Api.CreateWidgetSessionAsync(_client, key, Site)));

        await (await Send(_probe.CreateClient(visitor), "/probe", Site)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Send(_probe.CreateClient(visitor), "/probe/chat", Site)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Send(identity.ClientWithToken(visitor), "/api/v1/users/me", Site)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await Send(identity.ClientWithToken(visitor), "/api/v1/widget-keys", Site)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_visitor_token_works_only_from_its_pages_origin()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var (_, key, kbId) = await Api.CreateWidgetKeyAsync(identity.ClientWithToken(tokens.AccessToken), identity, Site, "https://shop.example.com");
        var visitor = Token(await ReadSessionAsync(await Api.CreateWidgetSessionAsync(_client, key, Site)));

        // Another of the key's own origins is still another page: the token is bound to the one it was issued to.
        await (await Send(_probe.CreateClient(visitor), "/probe/converse", "https://shop.example.com"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        // Through the gateway a browser always sends Origin; a request without one is not the widget's.
        await (await Send(_probe.CreateClient(visitor), "/probe/converse", origin: null, throughGateway: true))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
        // A call between services (no Origin, not through the gateway) carries the visitor's token on.
        (await Send(_probe.CreateClient(visitor), "/probe/converse", origin: null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoking_the_key_stops_its_visitors_at_once_and_issues_no_new_token()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = identity.ClientWithToken(tokens.AccessToken);
        var (id, key, kbId) = await Api.CreateWidgetKeyAsync(owner, identity, Site);
        var visitor = _probe.CreateClient(Token(await ReadSessionAsync(await Api.CreateWidgetSessionAsync(_client, key, Site))));
        (await Send(visitor, "/probe/converse", Site)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await owner.DeleteAsync($"/api/v1/widget-keys/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await Send(visitor, "/probe/converse", Site)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "widget_key_revoked");
        await (await Api.CreateWidgetSessionAsync(_client, key, Site)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "widget_key_revoked");
    }

    [Fact]
    public async Task A_visitor_is_limited_to_the_keys_per_visitor_rate_and_told_when_to_retry()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var created = await identity.ClientWithToken(tokens.AccessToken).PostAsJsonAsync("/api/v1/widget-keys",
            new { name = "Tight", allowed_origins = new[] { Site }, kb_ids = new[] { await Api.CreateKnowledgeBaseAsync(identity.ClientWithToken(tokens.AccessToken), identity) }, visitor_permits_per_minute = 2 }, Ct);
        var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("key").GetString()!;
        var visitor = _probe.CreateClient(Token(await ReadSessionAsync(await Api.CreateWidgetSessionAsync(_client, key, Site))));

        (await Send(visitor, "/probe/converse", Site, throughGateway: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(visitor, "/probe/converse", Site, throughGateway: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var limited = await Send(visitor, "/probe/converse", Site, throughGateway: true);

        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        limited.Headers.RetryAfter.ShouldNotBeNull();
        // Another visitor of the same key has its own allowance.
        var other = _probe.CreateClient(Token(await ReadSessionAsync(await Api.CreateWidgetSessionAsync(_client, key, Site))));
        (await Send(other, "/probe/converse", Site, throughGateway: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_keys_exchanges_are_limited_to_its_per_key_rate_whatever_the_visitor()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = identity.ClientWithToken(tokens.AccessToken);
        var created = await owner.PostAsJsonAsync("/api/v1/widget-keys",
            new { name = "Busy", allowed_origins = new[] { Site }, kb_ids = new[] { await Api.CreateKnowledgeBaseAsync(owner, identity) }, key_permits_per_minute = 2 }, Ct);
        var key = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("key").GetString()!;
        var (_, otherKey, _) = await Api.CreateWidgetKeyAsync(owner, identity, Site);

        // Two new visitors (no visitor id) use up the minute; a third, new or returning, waits for the next one.
        var first = await ReadSessionAsync(await Api.CreateWidgetSessionAsync(_client, key, Site));
        await ReadSessionAsync(await Api.CreateWidgetSessionAsync(_client, key, Site));
        var limited = await Api.CreateWidgetSessionAsync(_client, key, Site);
        var returning = await Api.CreateWidgetSessionAsync(_client, key, Site, first.GetProperty("visitor_id").GetString());

        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        await returning.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        // Another key of the same tenant, from the same address, has its own allowance.
        await ReadSessionAsync(await Api.CreateWidgetSessionAsync(_client, otherKey, Site));
    }

    [Fact]
    public async Task A_page_on_another_origin_may_preflight_and_read_the_exchanges_answer()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/widget/sessions");
        preflight.Headers.Add("Origin", Site);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");

        var response = await _client.SendAsync(preflight, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Site]);
        response.Headers.GetValues("Access-Control-Allow-Headers").Single().ShouldContain("content-type");
        var refused = await Api.CreateWidgetSessionAsync(_client, "vhw_unknown", Site);
        refused.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe([Site]);
    }

    private static async Task<JsonElement> ReadSessionAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static string Token(JsonElement session) => session.GetProperty("access_token").GetString()!;

    private static Task<HttpResponseMessage> Send(HttpClient client, string path, string? origin, bool throughGateway = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (throughGateway)
        {
            request.Headers.Add(EdgeRequest.HeaderName, "1");
        }
        return client.SendAsync(request, Ct);
    }
}

using System.Net;
using System.Text.Json;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.Identity.Tests.VerifyApiKey;

/// <summary>A separately hosted service (ServiceDefaults only) accepts a tenant's API key as Identity verifies it.</summary>
public sealed class ApiKeyAuthenticationTests(KestrelIdentityApp identity) : IClassFixture<KestrelIdentityApp>, IAsyncLifetime
{
    private readonly HttpClient _client = identity.CreateClient();
    private ProbeService _probe = null!;

    public async ValueTask InitializeAsync() => _probe = await ProbeService.StartAsync(identity.ListeningAddress);

    public async ValueTask DisposeAsync() => await _probe.DisposeAsync();

    [Fact]
    public async Task A_key_carries_its_tenant_and_scopes_and_its_use_is_recorded()
    {
        var (account, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = identity.ClientWithToken(tokens.AccessToken);
        var (id, key) = await Api.CreateApiKeyAsync(owner, "chat", "knowledge:read");

        var response = await _probe.CreateClient(key).GetAsync("/probe/chat", Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var claims = JsonDocument.Parse(body).RootElement;
        claims.GetProperty("tenant").GetString().ShouldBe(account.TenantId.ToString());
        claims.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe(["chat", "knowledge:read"]);
        var keys = await (await owner.GetAsync("/api/v1/api-keys", Ct)).ReadAsync<PageResponse<ApiKeyResponse>>();
        keys.Items.Single(k => k.Id == id).LastUsedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_api_key_header_works_like_the_bearer_header()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var (_, key) = await Api.CreateApiKeyAsync(identity.ClientWithToken(tokens.AccessToken), "chat");
        var client = _probe.CreateClient("unused");
        client.DefaultRequestHeaders.Authorization = null;
        client.DefaultRequestHeaders.Add("api-key", key);

        (await client.GetAsync("/probe/chat", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_revoked_key_stops_at_once_even_where_its_verification_is_cached()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = identity.ClientWithToken(tokens.AccessToken);
        var (id, key) = await Api.CreateApiKeyAsync(owner, "chat");
        var caller = _probe.CreateClient(key);
        (await caller.GetAsync("/probe/chat", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await owner.DeleteAsync($"/api/v1/api-keys/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await caller.GetAsync("/probe/chat", Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "api_key_revoked");
        // A service that never saw the key learns it is revoked from Identity itself.
        await using var fresh = await ProbeService.StartAsync(identity.ListeningAddress);
        await (await fresh.CreateClient(key).GetAsync("/probe/chat", Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "api_key_revoked");
    }

    [Fact]
    public async Task Tampered_unknown_and_malformed_keys_are_refused_with_invalid_api_key()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var (_, key) = await Api.CreateApiKeyAsync(identity.ClientWithToken(tokens.AccessToken), "chat");
        var tampered = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');
        var unknown = "vh_" + new string('x', 43);

        foreach (var wrong in new[] { tampered, unknown, "vh_", "vh_" + new string('y', 300) })
        {
            var response = await _probe.CreateClient(wrong).GetAsync("/probe/chat", Ct);
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_api_key");
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        }
    }

    [Fact]
    public async Task A_key_without_the_scope_and_a_key_on_a_users_endpoint_are_forbidden()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = identity.ClientWithToken(tokens.AccessToken);
        var (_, readOnly) = await Api.CreateApiKeyAsync(owner, "knowledge:read");
        var (_, chat) = await Api.CreateApiKeyAsync(owner, "chat");

        await (await _probe.CreateClient(readOnly).GetAsync("/probe/chat", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await (await _probe.CreateClient(chat).GetAsync("/probe", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        // Nor can a key administer the tenant it belongs to.
        await (await identity.ClientWithToken(chat).GetAsync("/api/v1/api-keys", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
    }

    [Fact]
    public async Task With_identity_unreachable_a_key_is_a_503_not_a_401()
    {
        await using var cutOff = await ProbeService.StartAsync(new Uri("http://127.0.0.1:9/"));

        var response = await cutOff.CreateClient("vh_" + new string('q', 43)).GetAsync("/probe/chat", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "authentication_unavailable");
        response.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_users_access_token_still_reaches_both_kinds_of_endpoint()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var user = _probe.CreateClient(tokens.AccessToken);

        (await user.GetAsync("/probe", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.GetAsync("/probe/chat", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await _probe.CreateClient("not-a-token").GetAsync("/probe/chat", Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }
}

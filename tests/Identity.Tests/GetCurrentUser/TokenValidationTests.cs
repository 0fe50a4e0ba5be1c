using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using VoiceHelper.Identity.GetJwks;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Identity.Tests.GetCurrentUser;

/// <summary>Only tokens Identity signed, unchanged and unexpired, get in.</summary>
public sealed class TokenValidationTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_token_with_a_changed_payload_is_rejected()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var parts = tokens.AccessToken.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["tenant"] = Guid.NewGuid().ToString();
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";

        await (await Me(tampered)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_rejected_even_with_a_published_key_id()
    {
        var (account, _) = await Api.RegisterAndLoginAsync(_client);
        var jwks = await _client.GetFromJsonAsync<GetJwksResponse>("/.well-known/jwks.json", Json, Ct);
        using var forger = new TestTokens(keyId: jwks!.Keys[0].Kid);
        using var stranger = new TestTokens(keyId: "someone-elses-key");

        (await Me(forger.Issue(account.TenantId, account.UserId, ["owner"]))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Me(stranger.Issue(account.TenantId, account.UserId, ["owner"]))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_is_rejected_as_expired()
    {
        var account = await Api.RegisterAsync(_client);
        app.Clock.Advance(TimeSpan.FromHours(-2));
        string expired;
        try
        {
            expired = (await Api.LoginAsync(_client, account.Email)).AccessToken;
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromHours(2));
        }

        await (await Me(expired)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_expired");
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_rejected()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var unsigned = $"{header}.{tokens.AccessToken.Split('.')[1]}.";

        await (await Me(unsigned)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task The_access_token_carries_sub_tenant_roles_and_jti()
    {
        var (account, tokens) = await Api.RegisterAndLoginAsync(_client);

        var parts = tokens.AccessToken.Split('.');
        var header = JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[0]))).RootElement;
        var payload = JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))).RootElement;
        header.GetProperty("alg").GetString().ShouldBe("RS256");
        payload.GetProperty("sub").GetString().ShouldBe(account.UserId.ToString());
        payload.GetProperty("tenant").GetString().ShouldBe(account.TenantId.ToString());
        payload.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["owner"]);
        payload.GetProperty("jti").GetString().ShouldNotBeNullOrEmpty();
        (payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64()).ShouldBe(3600);
    }

    private Task<HttpResponseMessage> Me(string token) => app.ClientWithToken(token).GetAsync("/api/v1/users/me", Ct);
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;
using VoiceHelper.Contracts;
using VoiceHelper.Testing;

namespace VoiceHelper.ServiceDefaults.Tests.Security;

public sealed class JwtValidationTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Valid_token_gives_the_tenant_context()
    {
        using var tokens = new TestTokens();
        await using var app = await TestApp.StartAsync(tokens: tokens);
        var tenant = Guid.NewGuid();
        var user = Guid.NewGuid();

        using var response = await Get(app, "/secure", tokens.Issue(tenant, user));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("tenant").GetGuid().ShouldBe(tenant);
        body.GetProperty("user").GetGuid().ShouldBe(user);
    }

    [Fact]
    public async Task Missing_tampered_foreign_expired_and_unsigned_tokens_are_rejected()
    {
        using var tokens = new TestTokens();
        using var foreign = new TestTokens("other-key");
        await using var app = await TestApp.StartAsync(tokens: tokens);
        var valid = tokens.Issue(Guid.NewGuid(), Guid.NewGuid());
        var parts = valid.Split('.');
        var payload = JsonDocument.Parse(Base64Url(parts[1])).RootElement.GetProperty("sub").GetString()!;
        var tampered = $"{parts[0]}.{ToBase64Url(Base64Url(parts[1]).Replace(payload, Guid.NewGuid().ToString(), StringComparison.Ordinal))}.{parts[2]}";
        var unsigned = $"{ToBase64Url("""{"alg":"none","typ":"JWT"}""")}.{parts[1]}.";

        var cases = new Dictionary<string, string?>
        {
            ["missing"] = null,
            ["garbage"] = "not-a-token",
            ["tampered"] = tampered,
            ["foreign key"] = foreign.Issue(Guid.NewGuid(), Guid.NewGuid()),
            ["expired"] = tokens.Issue(Guid.NewGuid(), Guid.NewGuid(), lifetime: TimeSpan.FromMinutes(5), notBefore: DateTime.UtcNow.AddHours(-2)),
            ["alg none"] = unsigned,
            ["wrong audience"] = tokens.Issue(Guid.NewGuid(), Guid.NewGuid(), audience: "someone-else"),
        };
        foreach (var (name, token) in cases)
        {
            using var response = await Get(app, "/secure", token);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, name);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", name);
        }
        using var expired = await Get(app, "/secure", cases["expired"]);
        JsonDocument.Parse(await expired.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetString().ShouldBe("token_expired");
    }

    [Fact]
    public async Task Revoked_token_and_disabled_user_are_rejected_at_once()
    {
        using var tokens = new TestTokens();
        await using var app = await TestApp.StartAsync(tokens: tokens);
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        var jti = Guid.NewGuid().ToString("N");
        var revoked = tokens.Issue(Guid.NewGuid(), Guid.NewGuid(), jti: jti);
        var user = Guid.NewGuid();
        var disabled = tokens.Issue(Guid.NewGuid(), user);

        using (var before = await Get(app, "/secure", revoked))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await redis.GetDatabase().StringSetAsync(RedisKeys.RevokedToken(jti), "1", TimeSpan.FromMinutes(5));
        await redis.GetDatabase().StringSetAsync(RedisKeys.DisabledUser(user), "1", TimeSpan.FromMinutes(5));

        using var afterRevoke = await Get(app, "/secure", revoked);
        using var afterDisable = await Get(app, "/secure", disabled);
        afterRevoke.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        afterDisable.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Role_policy_forbids_members_with_a_problem()
    {
        using var tokens = new TestTokens();
        await using var app = await TestApp.StartAsync(tokens: tokens);

        using var member = await Get(app, "/admin", tokens.Issue(Guid.NewGuid(), Guid.NewGuid(), [Roles.Member]));
        using var admin = await Get(app, "/admin", tokens.Issue(Guid.NewGuid(), Guid.NewGuid(), [Roles.Admin]));

        member.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        JsonDocument.Parse(await member.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetString().ShouldBe("forbidden");
        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<HttpResponseMessage> Get(TestApp app, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await app.Client.SendAsync(request, Ct);
    }

    private static string Base64Url(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }

    private static string ToBase64Url(string value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

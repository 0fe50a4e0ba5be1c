using System.Net;
using System.Net.Http.Json;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.Identity.Tests.Refresh;

public sealed class RefreshTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Refresh_rotates_the_pair_and_the_new_access_token_works()
    {
        var (_, first) = await Api.RegisterAndLoginAsync(_client);

        var response = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = first.RefreshToken }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await response.ReadAsync<TokenResponse>();
        second.RefreshToken.ShouldNotBe(first.RefreshToken);
        second.AccessToken.ShouldNotBe(first.AccessToken);
        (await app.ClientWithToken(second.AccessToken).GetAsync("/api/v1/users/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reusing_a_refresh_token_revokes_the_whole_family_and_is_audited()
    {
        var (_, first) = await Api.RegisterAndLoginAsync(_client);
        var second = await (await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = first.RefreshToken }, Ct))
            .ReadAsync<TokenResponse>();

        var replay = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = first.RefreshToken }, Ct);

        await replay.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "refresh_token_reused");
        var legitimate = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = second.RefreshToken }, Ct);
        await legitimate.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        var me = await app.ClientWithToken(second.AccessToken).GetAsync("/api/v1/users/me", Ct);
        await me.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");

        var owner = await Api.LoginAsync(_client, second.User.Email);
        var audit = await (await app.ClientWithToken(owner.AccessToken).GetAsync("/api/v1/audit?page_size=100", Ct))
            .ReadAsync<PageResponse<VoiceHelper.Identity.ListAuditLog.ListAuditLogItem>>();
        audit.Items.ShouldContain(a => a.Action == AuditActions.RefreshTokenReused);
    }

    [Fact]
    public async Task Concurrent_exchanges_of_one_refresh_token_yield_one_pair_at_most()
    {
        var (_, first) = await Api.RegisterAndLoginAsync(_client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = first.RefreshToken }, Ct)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBeLessThanOrEqualTo(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_refused()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = RefreshTokenValue.New() }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task An_expired_refresh_token_is_refused()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        try
        {
            var response = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = tokens.RefreshToken }, Ct);
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "refresh_token_expired");
        }
        finally
        {
            app.Clock.Advance(-(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1)));
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.Identity.Tests.Refresh;

public sealed class RefreshTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    // Identity's default reuse grace, and a second more.
    private static readonly TimeSpan Grace = new TokenOptions().RefreshReuseGrace + TimeSpan.FromSeconds(1);

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

        // Past the reuse grace, a spent token presented again is a copy in someone else's hands.
        app.Clock.Advance(Grace);
        HttpResponseMessage replay;
        try
        {
            replay = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = first.RefreshToken }, Ct);
        }
        finally
        {
            app.Clock.Advance(-Grace);
        }

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
    public async Task Concurrent_exchanges_of_one_refresh_token_all_get_the_one_successor()
    {
        var (_, first) = await Api.RegisterAndLoginAsync(_client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = first.RefreshToken }, Ct)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var pairs = await Task.WhenAll(responses.Select(r => r.ReadAsync<TokenResponse>()));
        pairs.Select(p => p.RefreshToken).Distinct().Count().ShouldBe(1);
        pairs.Select(p => p.AccessToken).Distinct().Count().ShouldBe(1);
        (await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = pairs[0].RefreshToken }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_reload_that_lost_the_new_pair_gets_the_same_pair_again_and_the_session_lives_on()
    {
        var (_, first) = await Api.RegisterAndLoginAsync(_client);
        var second = await (await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = first.RefreshToken }, Ct))
            .ReadAsync<TokenResponse>();
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        try
        {
            // The client never saved `second` and presents the spent token again, within the grace.
            var again = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = first.RefreshToken }, Ct);

            again.StatusCode.ShouldBe(HttpStatusCode.OK);
            var repeated = await again.ReadAsync<TokenResponse>();
            repeated.RefreshToken.ShouldBe(second.RefreshToken);
            repeated.AccessToken.ShouldBe(second.AccessToken);
            repeated.ExpiresIn.ShouldBeInRange(second.ExpiresIn - 21, second.ExpiresIn - 19); // what is left of that access token
            (await app.ClientWithToken(repeated.AccessToken).GetAsync("/api/v1/users/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var third = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = repeated.RefreshToken }, Ct);
            third.StatusCode.ShouldBe(HttpStatusCode.OK);

            // Once the successor was exchanged in turn, the first token has nothing left to give: a reuse, the family ends.
            var stale = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = first.RefreshToken }, Ct);
            await stale.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "refresh_token_reused");
            var latest = await third.ReadAsync<TokenResponse>();
            await (await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = latest.RefreshToken }, Ct))
                .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromSeconds(-20));
        }
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

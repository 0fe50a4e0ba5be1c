using System.Net;
using System.Net.Http.Json;
using VoiceHelper.Identity.Tests.Infrastructure;

namespace VoiceHelper.Identity.Tests.Logout;

public sealed class LogoutTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task After_logout_the_access_token_and_its_refresh_token_stop_working()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var user = app.ClientWithToken(tokens.AccessToken);
        (await user.GetAsync("/api/v1/users/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var logout = await user.PostAsync("/api/v1/auth/logout", null, Ct);

        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await user.GetAsync("/api/v1/users/me", Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        var refresh = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = tokens.RefreshToken }, Ct);
        await refresh.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Logout_ends_only_that_session()
    {
        var (account, first) = await Api.RegisterAndLoginAsync(_client);
        var second = await Api.LoginAsync(_client, account.Email);

        await app.ClientWithToken(first.AccessToken).PostAsync("/api/v1/auth/logout", null, Ct);

        (await app.ClientWithToken(second.AccessToken).GetAsync("/api/v1/users/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logout_also_revokes_the_older_access_tokens_of_the_same_login()
    {
        var (_, first) = await Api.RegisterAndLoginAsync(_client);
        var rotated = await (await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = first.RefreshToken }, Ct))
            .ReadAsync<VoiceHelper.Identity.Common.TokenResponse>();

        await app.ClientWithToken(rotated.AccessToken).PostAsync("/api/v1/auth/logout", null, Ct);

        (await app.ClientWithToken(first.AccessToken).GetAsync("/api/v1/users/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_without_a_token_is_401()
    {
        var response = await _client.PostAsync("/api/v1/auth/logout", null, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "authentication_required");
    }
}

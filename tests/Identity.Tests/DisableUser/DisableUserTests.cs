using System.Net;
using System.Net.Http.Json;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.Tests.Infrastructure;

namespace VoiceHelper.Identity.Tests.DisableUser;

public sealed class DisableUserTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_disabled_user_loses_their_tokens_and_cannot_sign_in()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = app.ClientWithToken(tokens.AccessToken);
        var (agent, agentTokens) = await Api.AddUserAndLoginAsync(owner, _client, "agent");

        var response = await owner.PostAsync($"/api/v1/users/{agent.UserId}/disable", null, Ct);

        (await response.ReadAsync<UserResponse>()).Disabled.ShouldBeTrue();
        (await app.ClientWithToken(agentTokens.AccessToken).GetAsync("/api/v1/users/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var refresh = await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = agentTokens.RefreshToken }, Ct);
        refresh.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var login = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = agent.Email, password = agent.Password }, Ct);
        await login.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "account_disabled");
        var wrongPassword = await _client.PostAsJsonAsync("/api/v1/auth/login", new { email = agent.Email, password = "Wrong-Password-9" }, Ct);
        await wrongPassword.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Nobody_disables_themselves()
    {
        var (owner, tokens) = await Api.RegisterAndLoginAsync(_client);

        var response = await app.ClientWithToken(tokens.AccessToken).PostAsync($"/api/v1/users/{owner.UserId}/disable", null, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "cannot_disable_self");
    }

    [Fact]
    public async Task A_member_cannot_disable_anyone()
    {
        var (owner, tokens) = await Api.RegisterAndLoginAsync(_client);
        var (_, member) = await Api.AddUserAndLoginAsync(app.ClientWithToken(tokens.AccessToken), _client, "member");

        var response = await app.ClientWithToken(member.AccessToken).PostAsync($"/api/v1/users/{owner.UserId}/disable", null, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}

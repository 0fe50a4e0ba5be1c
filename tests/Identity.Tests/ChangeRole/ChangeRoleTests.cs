using System.Net;
using System.Net.Http.Json;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.ListAuditLog;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.Identity.Tests.ChangeRole;

public sealed class ChangeRoleTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task An_owner_promotes_an_agent_and_the_next_token_carries_the_new_role()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = app.ClientWithToken(tokens.AccessToken);
        var (agent, agentTokens) = await Api.AddUserAndLoginAsync(owner, _client, "agent");

        var response = await owner.PutAsJsonAsync($"/api/v1/users/{agent.UserId}/role", new { role = "admin" }, Ct);

        (await response.ReadAsync<UserResponse>()).Role.ShouldBe("admin");
        var refreshed = await (await _client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = agentTokens.RefreshToken }, Ct))
            .ReadAsync<TokenResponse>();
        (await app.ClientWithToken(refreshed.AccessToken).GetAsync("/api/v1/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var audit = await (await owner.GetAsync("/api/v1/audit?page_size=100", Ct)).ReadAsync<PageResponse<ListAuditLogItem>>();
        audit.Items.ShouldContain(e => e.Action == AuditActions.RoleChanged && e.UserId == agent.UserId && e.Detail == "agent -> admin");
    }

    [Fact]
    public async Task The_last_owner_cannot_step_down()
    {
        var (owner, tokens) = await Api.RegisterAndLoginAsync(_client);

        var response = await app.ClientWithToken(tokens.AccessToken).PutAsJsonAsync($"/api/v1/users/{owner.UserId}/role", new { role = "admin" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "last_owner");
    }

    [Fact]
    public async Task An_admin_cannot_change_an_owner()
    {
        var (owner, tokens) = await Api.RegisterAndLoginAsync(_client);
        var (_, admin) = await Api.AddUserAndLoginAsync(app.ClientWithToken(tokens.AccessToken), _client, "admin");

        var response = await app.ClientWithToken(admin.AccessToken).PutAsJsonAsync($"/api/v1/users/{owner.UserId}/role", new { role = "member" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "owner_required");
    }
}

using System.Net;
using System.Net.Http.Json;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.Identity.Tests.GetUser;

/// <summary>Another tenant's user answers exactly like a user that does not exist.</summary>
public sealed class TenantIsolationTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_user_of_tenant_A_cannot_read_or_change_tenant_B_users()
    {
        var (_, a) = await Api.RegisterAndLoginAsync(_client);
        var (b, bTokens) = await Api.RegisterAndLoginAsync(_client);
        var (bAgent, _) = await Api.AddUserAndLoginAsync(app.ClientWithToken(bTokens.AccessToken), _client, "agent");
        var adminOfA = app.ClientWithToken(a.AccessToken);

        await (await adminOfA.GetAsync($"/api/v1/users/{b.UserId}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await (await adminOfA.PutAsJsonAsync($"/api/v1/users/{bAgent.UserId}/role", new { role = "admin" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await (await adminOfA.PostAsync($"/api/v1/users/{bAgent.UserId}/disable", null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        var list = await (await adminOfA.GetAsync("/api/v1/users?page_size=100", Ct)).ReadAsync<PageResponse<UserResponse>>();
        list.Items.ShouldAllBe(u => u.TenantId == a.User.TenantId);
        var audit = await (await adminOfA.GetAsync("/api/v1/audit?page_size=100", Ct)).ReadAsync<PageResponse<VoiceHelper.Identity.ListAuditLog.ListAuditLogItem>>();
        audit.Items.ShouldNotContain(e => e.UserId == b.UserId || e.UserId == bAgent.UserId);
    }

    [Fact]
    public async Task An_owner_reads_a_user_of_their_own_tenant()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = app.ClientWithToken(tokens.AccessToken);
        var (agent, _) = await Api.AddUserAndLoginAsync(owner, _client, "agent");

        var user = await (await owner.GetAsync($"/api/v1/users/{agent.UserId}", Ct)).ReadAsync<UserResponse>();

        user.Email.ShouldBe(agent.Email);
    }
}

using System.Net;
using System.Net.Http.Json;
using VoiceHelper.Identity.Tests.Infrastructure;

namespace VoiceHelper.Identity.Tests.AddUser;

public sealed class AddUserTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task An_owner_adds_a_user_who_can_then_sign_in_with_that_role()
    {
        var (owner, tokens) = await Api.RegisterAndLoginAsync(_client);

        var (agent, agentTokens) = await Api.AddUserAndLoginAsync(app.ClientWithToken(tokens.AccessToken), _client, "agent");

        agent.TenantId.ShouldBe(owner.TenantId);
        agentTokens.User.Role.ShouldBe("agent");
    }

    [Fact]
    public async Task A_member_cannot_add_users()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var (_, member) = await Api.AddUserAndLoginAsync(app.ClientWithToken(tokens.AccessToken), _client, "member");

        var response = await app.ClientWithToken(member.AccessToken).PostAsJsonAsync("/api/v1/users",
            new { email = Api.UniqueEmail(), username = "sneaky", password = Api.StrongPassword, role = "admin" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_admin_cannot_create_an_owner()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var (_, admin) = await Api.AddUserAndLoginAsync(app.ClientWithToken(tokens.AccessToken), _client, "admin");

        var response = await app.ClientWithToken(admin.AccessToken).PostAsJsonAsync("/api/v1/users",
            new { email = Api.UniqueEmail(), username = "newowner", password = Api.StrongPassword, role = "owner" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "owner_required");
    }

    [Fact]
    public async Task A_username_is_unique_within_the_tenant_only()
    {
        var (_, first) = await Api.RegisterAndLoginAsync(_client);
        var (_, second) = await Api.RegisterAndLoginAsync(_client);
        var body = new { email = Api.UniqueEmail(), username = "Support", password = Api.StrongPassword, role = "agent" };
        (await app.ClientWithToken(first.AccessToken).PostAsJsonAsync("/api/v1/users", body, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var sameTenant = await app.ClientWithToken(first.AccessToken).PostAsJsonAsync("/api/v1/users",
            body with { email = Api.UniqueEmail(), username = "support" }, Ct);
        var otherTenant = await app.ClientWithToken(second.AccessToken).PostAsJsonAsync("/api/v1/users",
            body with { email = Api.UniqueEmail() }, Ct);

        await sameTenant.ShouldBeProblemAsync(HttpStatusCode.Conflict, "username_taken");
        otherTenant.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_unknown_role_is_a_validation_error_naming_the_role()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);

        var response = await app.ClientWithToken(tokens.AccessToken).PostAsJsonAsync("/api/v1/users",
            new { email = Api.UniqueEmail(), username = "someone", password = Api.StrongPassword, role = "superuser" }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("role", out _).ShouldBeTrue();
    }
}

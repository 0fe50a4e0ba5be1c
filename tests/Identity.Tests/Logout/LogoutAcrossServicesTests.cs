using System.Net;
using VoiceHelper.Identity.Tests.Infrastructure;

namespace VoiceHelper.Identity.Tests.Logout;

/// <summary>Logout and disabling take effect in every service at once, not only in Identity.</summary>
public sealed class LogoutAcrossServicesTests(KestrelIdentityApp identity) : IClassFixture<KestrelIdentityApp>
{
    private readonly HttpClient _client = identity.CreateClient();

    [Fact]
    public async Task A_logged_out_token_is_rejected_by_a_separately_hosted_service()
    {
        await using var probe = await ProbeService.StartAsync(identity.ListeningAddress);
        var (account, tokens) = await Api.RegisterAndLoginAsync(_client);
        var other = probe.CreateClient(tokens.AccessToken);
        var before = await other.GetAsync("/probe", Ct);
        before.StatusCode.ShouldBe(HttpStatusCode.OK, await before.Content.ReadAsStringAsync(Ct));
        (await before.Content.ReadAsStringAsync(Ct)).ShouldContain(account.TenantId.ToString());

        var logout = await identity.ClientWithToken(tokens.AccessToken).PostAsync("/api/v1/auth/logout", null, Ct);
        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await other.GetAsync("/probe", Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Fact]
    public async Task A_disabled_users_token_is_rejected_by_a_separately_hosted_service()
    {
        await using var probe = await ProbeService.StartAsync(identity.ListeningAddress);
        var (_, owner) = await Api.RegisterAndLoginAsync(_client);
        var admin = identity.ClientWithToken(owner.AccessToken);
        var (agent, agentTokens) = await Api.AddUserAndLoginAsync(admin, _client, "agent");
        var other = probe.CreateClient(agentTokens.AccessToken);
        (await other.GetAsync("/probe", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.PostAsync($"/api/v1/users/{agent.UserId}/disable", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await other.GetAsync("/probe", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_body_larger_than_the_limit_is_a_413_problem()
    {
        using var content = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        content.Headers.ContentType = new("application/json");

        var response = await _client.PostAsync("/api/v1/auth/login", content, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }
}

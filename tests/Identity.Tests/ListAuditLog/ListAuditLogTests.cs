using System.Net;
using System.Net.Http.Json;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.ListAuditLog;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.Identity.Tests.ListAuditLog;

public sealed class ListAuditLogTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Sign_ins_failures_lockouts_and_logouts_are_audited_with_the_user_agent()
    {
        var account = await Api.RegisterAsync(_client);
        // The failures happen "16 minutes ago", so that the tokens issued afterwards are valid in real time.
        app.Clock.Advance(TimeSpan.FromMinutes(-16));
        var browser = app.CreateClient();
        browser.DefaultRequestHeaders.UserAgent.ParseAdd("AuditTest/1.0");
        for (var i = 0; i < 5; i++)
        {
            await browser.PostAsJsonAsync("/api/v1/auth/login", new { email = account.Email, password = "Wrong-Password-1" }, Ct);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var tokens = await Api.LoginAsync(browser, account.Email);
        var owner = app.ClientWithToken(tokens.AccessToken);
        owner.DefaultRequestHeaders.UserAgent.ParseAdd("AuditTest/1.0");
        await owner.PostAsync("/api/v1/auth/logout", null, Ct);
        var reader = app.ClientWithToken((await Api.LoginAsync(_client, account.Email)).AccessToken);

        var page = await (await reader.GetAsync("/api/v1/audit?page_size=100", Ct)).ReadAsync<PageResponse<ListAuditLogItem>>();

        var actions = page.Items.Select(e => e.Action).ToList();
        actions.Count(a => a == AuditActions.LoginFailed).ShouldBe(5);
        actions.ShouldContain(AuditActions.AccountLocked);
        actions.ShouldContain(AuditActions.LoggedOut);
        actions.Count(a => a == AuditActions.LoginSucceeded).ShouldBe(2);
        actions.ShouldContain(AuditActions.TenantRegistered);
        page.Items.Where(e => e.Action != AuditActions.TenantRegistered && e.Action != AuditActions.LoginSucceeded)
            .ShouldAllBe(e => e.UserAgent == "AuditTest/1.0");
        page.Items.ShouldBe(page.Items.OrderByDescending(e => e.CreatedAt).ToList(), "newest first");
    }

    [Fact]
    public async Task An_agent_cannot_read_the_audit_log()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var (_, agent) = await Api.AddUserAndLoginAsync(app.ClientWithToken(tokens.AccessToken), _client, "agent");

        var response = await app.ClientWithToken(agent.AccessToken).GetAsync("/api/v1/audit", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}

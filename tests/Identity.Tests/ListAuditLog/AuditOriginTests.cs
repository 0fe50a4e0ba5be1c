using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.ListAuditLog;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.Identity.Tests.ListAuditLog;

/// <summary>Over a real socket, so that the client's IP is known.</summary>
public sealed class AuditOriginTests(KestrelIdentityApp app) : IClassFixture<KestrelIdentityApp>
{
    [Fact]
    public async Task A_sign_in_is_audited_with_the_client_ip()
    {
        var client = app.CreateClient();
        var (account, tokens) = await Api.RegisterAndLoginAsync(client);

        var page = await (await app.ClientWithToken(tokens.AccessToken).GetAsync("/api/v1/audit", Ct)).ReadAsync<PageResponse<ListAuditLogItem>>();

        page.Items.ShouldContain(e => e.Action == AuditActions.LoginSucceeded && e.UserId == account.UserId && e.Ip == "127.0.0.1");
    }
}

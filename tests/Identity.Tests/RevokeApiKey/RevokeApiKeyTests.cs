using System.Net;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.ListAuditLog;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.Identity.Tests.RevokeApiKey;

public sealed class RevokeApiKeyTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_revoked_key_stays_listed_as_revoked_and_the_revocation_is_audited()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = app.ClientWithToken(tokens.AccessToken);
        var (id, _) = await Api.CreateApiKeyAsync(owner, "chat");

        (await owner.DeleteAsync($"/api/v1/api-keys/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await owner.DeleteAsync($"/api/v1/api-keys/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var keys = await (await owner.GetAsync("/api/v1/api-keys", Ct)).ReadAsync<PageResponse<ApiKeyResponse>>();
        keys.Items.Single(k => k.Id == id).RevokedAt.ShouldNotBeNull();
        var audit = await (await owner.GetAsync("/api/v1/audit?page_size=100", Ct)).ReadAsync<PageResponse<ListAuditLogItem>>();
        audit.Items.Count(e => e.Action == AuditActions.ApiKeyRevoked).ShouldBe(1);
    }

    [Fact]
    public async Task Another_tenants_key_is_not_found_and_keeps_working()
    {
        var (_, first) = await Api.RegisterAndLoginAsync(_client);
        var (_, second) = await Api.RegisterAndLoginAsync(_client);
        var (id, _) = await Api.CreateApiKeyAsync(app.ClientWithToken(first.AccessToken), "chat");

        var response = await app.ClientWithToken(second.AccessToken).DeleteAsync($"/api/v1/api-keys/{id}", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "api_key_not_found");
        var keys = await (await app.ClientWithToken(first.AccessToken).GetAsync("/api/v1/api-keys", Ct)).ReadAsync<PageResponse<ApiKeyResponse>>();
        keys.Items.Single(k => k.Id == id).RevokedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_member_cannot_revoke_keys()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = app.ClientWithToken(tokens.AccessToken);
        var (id, _) = await Api.CreateApiKeyAsync(owner, "chat");
        var (_, member) = await Api.AddUserAndLoginAsync(owner, _client, "member");

        var response = await app.ClientWithToken(member.AccessToken).DeleteAsync($"/api/v1/api-keys/{id}", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}

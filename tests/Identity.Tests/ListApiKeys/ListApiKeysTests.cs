using System.Net;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.Identity.Tests.ListApiKeys;

public sealed class ListApiKeysTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_tenant_lists_only_its_own_keys_newest_first_in_pages()
    {
        var (_, first) = await Api.RegisterAndLoginAsync(_client);
        var (_, second) = await Api.RegisterAndLoginAsync(_client);
        var owner = app.ClientWithToken(first.AccessToken);
        var older = await Api.CreateApiKeyAsync(owner, "chat");
        var newer = await Api.CreateApiKeyAsync(owner, "knowledge:read");
        await Api.CreateApiKeyAsync(app.ClientWithToken(second.AccessToken), "mcp");

        var page = await (await owner.GetAsync("/api/v1/api-keys?page_size=1", Ct)).ReadAsync<PageResponse<ApiKeyResponse>>();
        var all = await (await owner.GetAsync("/api/v1/api-keys", Ct)).ReadAsync<PageResponse<ApiKeyResponse>>();

        page.Items.Single().Id.ShouldBe(newer.Id);
        page.HasNext.ShouldBeTrue();
        all.Items.Select(k => k.Id).ShouldBe([newer.Id, older.Id]);
        all.Items[0].Scopes.ShouldBe(["knowledge:read"]);
        all.Items[0].LastUsedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_member_cannot_list_keys()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var (_, member) = await Api.AddUserAndLoginAsync(app.ClientWithToken(tokens.AccessToken), _client, "member");

        var response = await app.ClientWithToken(member.AccessToken).GetAsync("/api/v1/api-keys", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}

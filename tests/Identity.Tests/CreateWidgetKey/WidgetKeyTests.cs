using System.Net;
using System.Net.Http.Json;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.ListAuditLog;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.Identity.Tests.CreateWidgetKey;

/// <summary>A widget key's life: created by an owner for origins, listed, revoked (audited), refused to members and bad origins.</summary>
public sealed class WidgetKeyTests(WidgetIdentityApp app) : IClassFixture<WidgetIdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task An_owner_creates_lists_and_revokes_a_key_and_both_are_audited()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = app.ClientWithToken(tokens.AccessToken);

        var (id, key, kbId) = await Api.CreateWidgetKeyAsync(owner, app, "https://www.example.com/", "http://127.0.0.1:5173");

        key.ShouldStartWith("vhw_");
        var listed = (await (await owner.GetAsync("/api/v1/widget-keys", Ct)).ReadAsync<PageResponse<WidgetKeyResponse>>()).Items.Single();
        listed.Id.ShouldBe(id);
        listed.Key.ShouldBe(key);
        listed.AllowedOrigins.ShouldBe(["https://www.example.com", "http://127.0.0.1:5173"]);
        listed.KbIds.ShouldBe([kbId]);
        listed.VisitorPermitsPerMinute.ShouldBe(30);
        (await owner.DeleteAsync($"/api/v1/widget-keys/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await owner.DeleteAsync($"/api/v1/widget-keys/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await owner.GetAsync("/api/v1/widget-keys", Ct)).ReadAsync<PageResponse<WidgetKeyResponse>>()).Items.Single().RevokedAt.ShouldNotBeNull();
        var audit = await (await owner.GetAsync("/api/v1/audit?page_size=100", Ct)).ReadAsync<PageResponse<ListAuditLogItem>>();
        audit.Items.Count(e => e.Action == AuditActions.WidgetKeyCreated).ShouldBe(1);
        audit.Items.Count(e => e.Action == AuditActions.WidgetKeyRevoked).ShouldBe(1);
    }

    [Theory]
    [InlineData("https://*.example.com")]
    [InlineData("http://www.example.com")]
    [InlineData("https://www.example.com/shop")]
    [InlineData("www.example.com")]
    [InlineData("https://user@www.example.com")]
    public async Task Origins_that_are_not_exactly_one_site_are_refused(string origin)
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);

        var response = await app.ClientWithToken(tokens.AccessToken).PostAsJsonAsync("/api/v1/widget-keys",
            new { name = "Website", allowed_origins = new[] { origin }, kb_ids = Api.WidgetKnowledgeBases }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    /// <summary>A malformed uuid fails while the body is read (invalid_json), the rest in the validator; both name the field.</summary>
    public static TheoryData<string, string> BadKnowledgeBases => new()
    {
        { """{"name":"Website","allowed_origins":["https://www.example.com"]}""", "validation_failed" },
        { """{"name":"Website","allowed_origins":["https://www.example.com"],"kb_ids":[]}""", "validation_failed" },
        { """{"name":"Website","allowed_origins":["https://www.example.com"],"kb_ids":["00000000-0000-0000-0000-000000000000"]}""", "validation_failed" },
        { """{"name":"Website","allowed_origins":["https://www.example.com"],"kb_ids":["not-a-uuid"]}""", "invalid_json" },
        { "{\"name\":\"Website\",\"allowed_origins\":[\"https://www.example.com\"],\"kb_ids\":["
            + string.Join(',', Enumerable.Range(0, 21).Select(_ => $"\"{Guid.NewGuid()}\"")) + "]}", "validation_failed" },
    };

    [Theory]
    [MemberData(nameof(BadKnowledgeBases))]
    public async Task A_key_must_name_one_to_twenty_knowledge_bases(string json, string code)
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);

        var response = await app.ClientWithToken(tokens.AccessToken).PostAsync("/api/v1/widget-keys",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, code);
        body.ShouldContain("kb_ids");
    }

    [Fact]
    public async Task A_key_may_name_only_the_tenants_own_knowledge_bases_as_Knowledge_shows_them()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = app.ClientWithToken(tokens.AccessToken);
        var (_, stranger) = await Api.RegisterAndLoginAsync(_client);
        var own = await Api.CreateKnowledgeBaseAsync(owner, app);
        var theirs = await Api.CreateKnowledgeBaseAsync(app.ClientWithToken(stranger.AccessToken), app);
        var never = Guid.CreateVersion7();

        var refused = await owner.PostAsJsonAsync("/api/v1/widget-keys",
            new { name = "Website", allowed_origins = new[] { "https://www.example.com" }, kb_ids = new[] { own, theirs, never } }, Ct);

        var body = await refused.Content.ReadAsStringAsync(Ct);
        await refused.ShouldBeProblemAsync(HttpStatusCode.NotFound, "knowledge_base_not_found");
        body.ShouldContain(theirs.ToString());
        body.ShouldContain(never.ToString());
        body.ShouldNotContain(own.ToString());
        (await (await owner.GetAsync("/api/v1/widget-keys", Ct)).ReadAsync<PageResponse<WidgetKeyResponse>>()).Items.ShouldBeEmpty();
        var accepted = await owner.PostAsJsonAsync("/api/v1/widget-keys",
            new { name = "Website", allowed_origins = new[] { "https://www.example.com" }, kb_ids = new[] { own } }, Ct);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_member_can_neither_create_nor_list_keys_and_another_tenant_cannot_revoke_one()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = app.ClientWithToken(tokens.AccessToken);
        var (id, _, kbId) = await Api.CreateWidgetKeyAsync(owner, app, "https://www.example.com");
        var (_, member) = await Api.AddUserAndLoginAsync(owner, _client, "member");
        var (_, stranger) = await Api.RegisterAndLoginAsync(_client);

        await (await app.ClientWithToken(member.AccessToken).PostAsJsonAsync("/api/v1/widget-keys",
            new { name = "Mine", allowed_origins = new[] { "https://www.example.com" }, kb_ids = Api.WidgetKnowledgeBases }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.ClientWithToken(member.AccessToken).GetAsync("/api/v1/widget-keys", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.ClientWithToken(stranger.AccessToken).DeleteAsync($"/api/v1/widget-keys/{id}", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "widget_key_not_found");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Identity.Common;
using VoiceHelper.Identity.ListAuditLog;
using VoiceHelper.Identity.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.Identity.Tests.CreateApiKey;

public sealed class CreateApiKeyTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task An_owner_creates_a_key_whose_secret_is_shown_once_and_audited()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = app.ClientWithToken(tokens.AccessToken);

        var response = await owner.PostAsJsonAsync("/api/v1/api-keys", new { name = "  IDE plugin ", scopes = new[] { "chat", "mcp" } }, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var created = JsonDocument.Parse(body).RootElement;
        var secret = created.GetProperty("key").GetString()!;
        secret.ShouldStartWith("vh_");
        secret.Length.ShouldBeGreaterThan(40);
        created.GetProperty("prefix").GetString().ShouldBe(secret[..11]);
        created.GetProperty("name").GetString().ShouldBe("IDE plugin");
        created.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe(["chat", "mcp"]);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/api-keys/{created.GetProperty("id").GetGuid()}");

        var listed = await (await owner.GetAsync("/api/v1/api-keys", Ct)).Content.ReadAsStringAsync(Ct);
        listed.ShouldContain(secret[..11]);
        listed.ShouldNotContain(secret);
        var audit = await (await owner.GetAsync("/api/v1/audit?page_size=100", Ct)).ReadAsync<PageResponse<ListAuditLogItem>>();
        var prefix = secret[..11];
        audit.Items.ShouldContain(e => e.Action == AuditActions.ApiKeyCreated && e.Detail!.Contains(prefix));
    }

    [Fact]
    public async Task Two_keys_never_share_a_secret()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = app.ClientWithToken(tokens.AccessToken);

        var first = await Api.CreateApiKeyAsync(owner, "chat");
        var second = await Api.CreateApiKeyAsync(owner, "chat");

        first.Key.ShouldNotBe(second.Key);
    }

    [Fact]
    public async Task A_retried_create_is_not_replayed_so_the_secret_is_never_kept_for_replay()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var owner = app.ClientWithToken(tokens.AccessToken);
        owner.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var first = await Api.CreateApiKeyAsync(owner, "chat");
        var second = await Api.CreateApiKeyAsync(owner, "chat");

        second.Id.ShouldNotBe(first.Id);
    }

    [Fact]
    public async Task A_member_cannot_create_keys()
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        var (_, member) = await Api.AddUserAndLoginAsync(app.ClientWithToken(tokens.AccessToken), _client, "member");

        var response = await app.ClientWithToken(member.AccessToken).PostAsJsonAsync("/api/v1/api-keys", new { name = "mine", scopes = new[] { "chat" } }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("""{"name":"k","scopes":["admin"]}""", "scopes[0]")]
    [InlineData("""{"name":"k","scopes":[]}""", "scopes")]
    [InlineData("""{"name":"k","scopes":["chat","chat"]}""", "scopes")]
    [InlineData("""{"name":"   ","scopes":["chat"]}""", "name")]
    public async Task Bad_input_is_a_validation_problem_naming_the_field(string json, string field)
    {
        var (_, tokens) = await Api.RegisterAndLoginAsync(_client);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var response = await app.ClientWithToken(tokens.AccessToken).PostAsync("/api/v1/api-keys", content, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public void The_number_of_live_keys_is_capped()
    {
        VoiceHelper.Identity.CreateApiKey.CreateApiKeyDecision.Decide(IdentityErrors.MaxActiveApiKeys - 1).ShouldBeNull();
        VoiceHelper.Identity.CreateApiKey.CreateApiKeyDecision.Decide(IdentityErrors.MaxActiveApiKeys)!.Code.ShouldBe("api_key_limit");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using VoiceHelper.Assistant.Grounding;
using VoiceHelper.Assistant.Tests.ExecuteAgent;
using VoiceHelper.Assistant.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Assistant.Tests.CreateModel;

/// <summary>
/// A tenant's model endpoint under the agent's network rule (allow-list; internal addresses only with allow_private),
/// checked when configured and when connecting, and its API key encrypted at rest yet sent to the provider.
/// </summary>
[Collection(RagCollection.Name)]
public sealed class ModelEndpointTests(RagSystem system) : IAsyncLifetime
{
    private FakeChatCompletionsServer _model = null!;

    public async ValueTask InitializeAsync() => _model = await FakeChatCompletionsServer.StartAsync();

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    private static object Model(string endpoint, string name = "m1") => new
    {
        name, provider = "openai_compatible", endpoint, model = name, api_key = "sk-secret-123",
        input_price_per_1k = 0, output_price_per_1k = 0, context_window = 8192,
    };

    [Fact]
    public async Task An_endpoint_off_the_allow_list_or_at_an_internal_address_without_allow_private_is_refused_with_400()
    {
        var tenant = system.NewTenant();
        var local = _model.Endpoint.ToString();

        var offList = await tenant.Assistant.PostAsJsonAsync("/api/v1/models", Model(local), Ct);
        (await offList.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "endpoint_not_allowed")).ToString().ShouldContain("allow-list");

        await tenant.AllowAsync(new { host = "127.0.0.1" }, new { host = "169.254.169.254" }, new { host = "localhost" });
        foreach (var endpoint in new[] { local, "http://169.254.169.254/v1", $"http://localhost:{_model.Endpoint.Port}/v1" })
        {
            var internalAddress = await tenant.Assistant.PostAsJsonAsync("/api/v1/models", Model(endpoint), Ct);
            (await internalAddress.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "endpoint_not_allowed")).ToString().ShouldContain("internal address");
        }

        await tenant.AllowAsync(new { host = "127.0.0.1", allow_private = true });
        var created = await tenant.Assistant.PostAsJsonAsync("/api/v1/models", Model(local), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var moved = await tenant.Assistant.PutAsJsonAsync($"/api/v1/models/{id}", Model("http://10.0.0.7/v1"), Ct);
        await moved.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "endpoint_not_allowed");
    }

    [Fact]
    public async Task A_model_whose_host_loses_allow_private_is_refused_when_connecting_and_the_answer_falls_back()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);
        await tenant.AllowLocalModelServersAsync();
        await tenant.AddModelAsync(_model, "walled");
        (await tenant.Assistant.PostAsJsonAsync("/api/v1/rag/query", RouterApi.Question(kb), Ct)).EnsureSuccessStatusCode();
        _model.CallsTo("walled").ShouldBe(1);

        // Still on the list, but no longer allowed to be internal: only the connection's address check can refuse it.
        await tenant.AllowAsync(new { host = "127.0.0.1" });
        var response = await tenant.Assistant.PostAsJsonAsync("/api/v1/rag/query", RouterApi.Question(kb), Ct);

        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, answer.ToString());
        _model.CallsTo("walled").ShouldBe(1);
        answer.GetProperty("model").GetString().ShouldBe(ExtractiveChatClient.ModelId);
        answer.GetProperty("fallback_used").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task The_api_key_is_stored_encrypted_and_still_authenticates_to_the_provider()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);
        await tenant.AllowLocalModelServersAsync();
        var created = await tenant.Assistant.PostAsJsonAsync("/api/v1/models", Model(_model.Endpoint.ToString(), "keyed"), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));

        await using var database = NpgsqlDataSource.Create(system.AssistantDb);
        await using var read = database.CreateCommand("SELECT api_key FROM tenant_models WHERE tenant_id = $1 AND name = 'keyed'");
        read.Parameters.Add(new NpgsqlParameter { Value = tenant.TenantId });
        var stored = (string)(await read.ExecuteScalarAsync(Ct))!;
        stored.ShouldNotBeNullOrEmpty();
        stored.ShouldNotContain("sk-secret-123");

        var response = await tenant.Assistant.PostAsJsonAsync("/api/v1/rag/query", RouterApi.Question(kb), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        _model.Authorizations["keyed"].ShouldBe("Bearer sk-secret-123");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Assistant.Grounding;
using VoiceHelper.Assistant.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Assistant.Tests.CreateModel;

/// <summary>The models admin API: create, list, update, delete, validation, roles and tenant isolation.</summary>
[Collection(RagCollection.Name)]
public sealed class ManageModelsTests(RagSystem system) : IAsyncLifetime
{
    private FakeChatCompletionsServer _model = null!;

    public async ValueTask InitializeAsync() => _model = await FakeChatCompletionsServer.StartAsync();

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    [Fact]
    public async Task An_admin_adds_a_model_that_is_listed_with_the_catalog_updates_it_and_deletes_it()
    {
        var tenant = system.NewTenant();
        await tenant.AllowLocalModelServersAsync();
        var created = await tenant.AddModelAsync(_model, "gpt-mini", inputPrice: 0.15m, outputPrice: 0.6m, contextWindow: 128_000, qualityTier: 2);
        created.GetProperty("has_api_key").GetBoolean().ShouldBeTrue();
        created.TryGetProperty("api_key", out _).ShouldBeFalse();
        created.GetProperty("input_price_per_1k").GetDecimal().ShouldBe(0.15m);
        var id = created.GetProperty("id").GetGuid();

        var list = await tenant.Assistant.GetFromJsonAsync<JsonElement>("/api/v1/models", Ct);
        list.GetProperty("fallback_chain").EnumerateArray().Select(m => m.GetString()).ShouldBe(["gpt-mini", ExtractiveChatClient.ModelId]);
        var item = list.GetProperty("items")[0];
        item.GetProperty("source").GetString().ShouldBe("tenant");
        item.GetProperty("configuration_id").GetGuid().ShouldBe(id);
        item.GetProperty("context_window").GetInt32().ShouldBe(128_000);
        item.GetProperty("quality_tier").GetInt32().ShouldBe(2);
        item.GetProperty("provider").GetString().ShouldBe("openai_compatible"); // spelled as the admin API takes it
        item.GetProperty("endpoint").GetString().ShouldBe(_model.Endpoint.ToString()); // so an edit can start from it...
        item.TryGetProperty("api_key", out _).ShouldBeFalse(); // ...but never the key
        var catalog = list.GetProperty("items")[1];
        catalog.GetProperty("source").GetString().ShouldBe("catalog");
        (catalog.TryGetProperty("endpoint", out var deployment) ? deployment.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);

        var updated = await tenant.Assistant.PutAsJsonAsync($"/api/v1/models/{id}", new
        {
            name = "gpt-mini", provider = "openai_compatible", endpoint = _model.Endpoint.ToString(), model = "gpt-mini",
            input_price_per_1k = 0.2m, output_price_per_1k = 0.8m, context_window = 64_000, quality_tier = 3,
        }, Ct);
        var body = JsonDocument.Parse(await updated.Content.ReadAsStringAsync(Ct)).RootElement;
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("context_window").GetInt32().ShouldBe(64_000);
        body.GetProperty("has_api_key").GetBoolean().ShouldBeTrue(); // a key left out is kept

        (await tenant.Assistant.DeleteAsync($"/api/v1/models/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await tenant.Assistant.DeleteAsync($"/api/v1/models/{id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "model_not_found");
        (await tenant.Assistant.GetFromJsonAsync<JsonElement>("/api/v1/models", Ct)).GetProperty("items").GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [InlineData("provider", "\"gpt-x\"", "provider")]
    [InlineData("input_price_per_1k", "-0.5", "input_price_per_1k")]
    [InlineData("output_price_per_1k", "-1", "output_price_per_1k")]
    [InlineData("context_window", "100", "context_window")]
    [InlineData("quality_tier", "9", "quality_tier")]
    [InlineData("endpoint", "\"ftp://models.example\"", "endpoint")]
    public async Task Invalid_settings_are_refused_with_a_problem_naming_the_field(string field, string value, string reported)
    {
        var tenant = system.NewTenant();
        var fields = new Dictionary<string, string>
        {
            ["name"] = "\"m1\"", ["provider"] = "\"openai_compatible\"", ["endpoint"] = $"\"{_model.Endpoint}\"", ["model"] = "\"m1\"",
            ["input_price_per_1k"] = "0.1", ["output_price_per_1k"] = "0.2", ["context_window"] = "8192", ["quality_tier"] = "3",
        };
        fields[field] = value;
        var json = "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";

        var response = await tenant.Assistant.PostAsync("/api/v1/models", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(reported, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task A_name_is_unique_per_tenant_only_admins_manage_models_and_another_tenants_model_is_not_found()
    {
        var tenant = system.NewTenant();
        await tenant.AllowLocalModelServersAsync();
        var created = await tenant.AddModelAsync(_model, "shared-name");
        var duplicate = await tenant.Assistant.PostAsJsonAsync("/api/v1/models", new
        {
            name = "shared-name", provider = "embedded", input_price_per_1k = 0, output_price_per_1k = 0, context_window = 4096,
        }, Ct);
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "model_name_taken");

        var member = system.As(tenant, Guid.NewGuid(), "member");
        var refused = await member.PostAsJsonAsync("/api/v1/models", new { name = "x", provider = "embedded" }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync("/api/v1/models", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var other = system.NewTenant();
        await other.AllowLocalModelServersAsync();
        await other.AddModelAsync(_model, "shared-name");
        var id = created.GetProperty("id").GetGuid();
        await (await other.Assistant.DeleteAsync($"/api/v1/models/{id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "model_not_found");
        (await other.Assistant.GetFromJsonAsync<JsonElement>("/api/v1/models", Ct)).GetProperty("items").EnumerateArray()
            .Count(i => i.GetProperty("source").GetString() == "tenant").ShouldBe(1);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Testing;

namespace VoiceHelper.Assistant.Tests.Infrastructure;

/// <summary>The router's admin calls (models, strategy, budget, A/B tests) through the Assistant's HTTP API.</summary>
public static class RouterApi
{
    /// <summary>
    /// Puts 127.0.0.1 (where the fake model servers listen) on the tenant's allow-list as an internal host: without it a
    /// tenant's model there is refused, like the agent's http_get.
    /// </summary>
    public static async Task AllowLocalModelServersAsync(this RagTenant tenant)
    {
        var response = await tenant.Assistant.PutAsJsonAsync("/api/v1/agent/allow-list",
            new { hosts = new[] { new { host = "127.0.0.1", allow_private = true } } }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>An OpenAI-compatible model on the fake server (allow-list it first); the fake answers 42 prompt and 9 completion tokens.</summary>
    public static async Task<JsonElement> AddModelAsync(this RagTenant tenant, FakeChatCompletionsServer server, string name,
        decimal inputPrice = 0, decimal outputPrice = 1, int contextWindow = 32_000, int qualityTier = 3)
    {
        var response = await tenant.Assistant.PostAsJsonAsync("/api/v1/models", new
        {
            name, provider = "openai_compatible", endpoint = server.Endpoint.ToString(), model = name, api_key = "sk-test",
            input_price_per_1k = inputPrice, output_price_per_1k = outputPrice, context_window = contextWindow, quality_tier = qualityTier,
        }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task SetStrategyAsync(this RagTenant tenant, string? strategy)
    {
        var response = await tenant.Assistant.PutAsJsonAsync("/api/v1/models/routing", new { strategy }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    public static async Task SetBudgetAsync(this RagTenant tenant, decimal? monthlyBudgetUsd, decimal softLimitRatio = 0.8m)
    {
        var response = await tenant.Assistant.PutAsJsonAsync("/api/v1/budgets/current",
            new { monthly_budget_usd = monthlyBudgetUsd, soft_limit_ratio = softLimitRatio }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    public static async Task<JsonElement> BudgetAsync(this RagTenant tenant) =>
        await tenant.Assistant.GetFromJsonAsync<JsonElement>("/api/v1/budgets/current", Ct);

    /// <summary>A client of the same tenant as another user with the given role.</summary>
    public static HttpClient As(this RagSystem system, RagTenant tenant, Guid userId, string role, ServiceHost<Program>? assistant = null)
    {
        var client = (assistant ?? system.Assistant).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", system.Keys.Tokens.Issue(tenant.TenantId, userId, [role]));
        client.Timeout = TimeSpan.FromSeconds(60);
        return client;
    }

    public static object Question(Guid knowledgeBaseId, string? strategy = null, Guid? conversationId = null) => new
    {
        query = "How many days do I have to return an item?", kb_ids = new[] { knowledgeBaseId }, use_cache = false, use_self_rag = false,
        routing_strategy = strategy, conversation_id = conversationId,
    };
}

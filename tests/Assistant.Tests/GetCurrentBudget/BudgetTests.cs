using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StackExchange.Redis;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Assistant.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Assistant.Tests.GetCurrentBudget;

/// <summary>
/// Monthly budgets against the real Redis counter and usage_records. The fake model answers 9 completion tokens at
/// 1 USD per 1k (inputs free): every answer costs 0.009 USD, and with answers capped at 16 tokens a request reserves at
/// most 0.016 USD.
/// </summary>
[Collection(RagCollection.Name)]
public sealed class BudgetTests(RagSystem system) : IAsyncLifetime
{
    private const decimal AnswerCost = 0.009m;
    private FakeChatCompletionsServer _model = null!;
    private ServiceHost<Program> _assistant = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeChatCompletionsServer.StartAsync();
        _model.Answer = "You can return any item within 30 days of delivery [1].";
        _assistant = system.StartAssistant(new Dictionary<string, string?>
        {
            ["Router:MaxOutputTokens"] = "16",
            ["Router:SoftLimitMaxOutputTokens"] = "16",
        });
    }

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    private async Task<(RagTenant Tenant, Guid Kb)> TenantAsync()
    {
        var tenant = system.NewTenant(_assistant);
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);
        return (tenant, kb);
    }

    [Fact]
    public async Task Fifty_concurrent_requests_near_the_hard_limit_overspend_by_less_than_one_answer_and_the_rest_get_429()
    {
        var (tenant, kb) = await TenantAsync();
        await tenant.AllowLocalModelServersAsync();
        await tenant.AddModelAsync(_model, "metered", inputPrice: 0, outputPrice: 1);
        const decimal budget = 0.1m;
        await tenant.SetBudgetAsync(budget, softLimitRatio: 1);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            tenant.Assistant.PostAsJsonAsync("/api/v1/rag/query", RouterApi.Question(kb), Ct)));
        // Then until the budget refuses: whatever the burst left unspent is used up.
        var more = new List<HttpResponseMessage>();
        for (var i = 0; i < 20 && (more.Count == 0 || more[^1].StatusCode == HttpStatusCode.OK); i++)
        {
            more.Add(await tenant.Assistant.PostAsJsonAsync("/api/v1/rag/query", RouterApi.Question(kb), Ct));
        }

        var all = responses.Concat(more).ToList();
        all.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.TooManyRequests);
        var answered = all.Count(r => r.StatusCode == HttpStatusCode.OK);
        answered.ShouldBeGreaterThan(0);
        var refused = all.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "budget_exhausted");
        var untilNextMonth = BudgetPeriod.Containing(DateTimeOffset.UtcNow).End - DateTimeOffset.UtcNow;
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBe(untilNextMonth.TotalSeconds, 120);

        var usage = await tenant.Assistant.GetFromJsonAsync<JsonElement>("/api/v1/usage", Ct);
        var spent = usage.GetProperty("total_cost_usd").GetDecimal();
        spent.ShouldBe(answered * AnswerCost);
        spent.ShouldBeLessThan(budget + AnswerCost);
        spent.ShouldBeGreaterThanOrEqualTo(budget);
        var current = await tenant.BudgetAsync();
        current.GetProperty("spent_usd").GetDecimal().ShouldBe(spent); // every reservation was settled to the real cost
        current.GetProperty("state").GetString().ShouldBe("exhausted");
        current.GetProperty("remaining_usd").GetDecimal().ShouldBe(0);
    }

    [Fact]
    public async Task Past_the_soft_limit_the_cheaper_model_answers_with_a_capped_answer()
    {
        var (tenant, kb) = await TenantAsync();
        await tenant.AllowLocalModelServersAsync();
        await tenant.AddModelAsync(_model, "premium-soft", outputPrice: 1, qualityTier: 5);
        await tenant.AddModelAsync(_model, "cheap-soft", outputPrice: 0.1m, qualityTier: 1);
        await tenant.SetStrategyAsync("best_quality");
        await tenant.SetBudgetAsync(0.1m, softLimitRatio: 0.05m);

        var first = await tenant.AskAsync(RouterApi.Question(kb));
        first.GetProperty("model").GetString().ShouldBe("premium-soft");
        (await tenant.BudgetAsync()).GetProperty("state").GetString().ShouldBe("soft_limit");

        var second = await tenant.AskAsync(RouterApi.Question(kb));
        second.GetProperty("model").GetString().ShouldBe("cheap-soft");
        second.GetProperty("routing_strategy").GetString().ShouldBe("cheapest");
        var sent = _model.Requests.Last(r => r.GetProperty("model").GetString() == "cheap-soft");
        var cap = sent.TryGetProperty("max_completion_tokens", out var completion) ? completion : sent.GetProperty("max_tokens");
        cap.GetInt32().ShouldBe(16);
    }

    [Fact]
    public async Task A_counter_that_Redis_lost_is_rebuilt_from_the_durable_usage_records()
    {
        var (tenant, kb) = await TenantAsync();
        await tenant.AllowLocalModelServersAsync();
        await tenant.AddModelAsync(_model, "metered-2", inputPrice: 0, outputPrice: 1);
        await tenant.SetBudgetAsync(10m);
        for (var i = 0; i < 3; i++)
        {
            await tenant.AskAsync(RouterApi.Question(kb));
        }
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        var key = BudgetLedger.Key(tenant.TenantId, BudgetPeriod.Containing(DateTimeOffset.UtcNow));
        (await redis.GetDatabase().KeyDeleteAsync(key)).ShouldBeTrue();

        (await tenant.BudgetAsync()).GetProperty("spent_usd").GetDecimal().ShouldBe(3 * AnswerCost);
        await tenant.AskAsync(RouterApi.Question(kb));
        (await tenant.BudgetAsync()).GetProperty("spent_usd").GetDecimal().ShouldBe(4 * AnswerCost);
        ((long)await redis.GetDatabase().StringGetAsync(key)).ShouldBe(BudgetLedger.ToNano(4 * AnswerCost));
    }

    [Fact]
    public async Task Only_admins_set_the_budget_and_invalid_budgets_are_refused()
    {
        var (tenant, _) = await TenantAsync();
        var member = system.As(tenant, Guid.NewGuid(), "member", _assistant);
        (await member.PutAsJsonAsync("/api/v1/budgets/current", new { monthly_budget_usd = 5 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync("/api/v1/budgets/current", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var negative = await tenant.Assistant.PutAsJsonAsync("/api/v1/budgets/current", new { monthly_budget_usd = -1 }, Ct);
        await negative.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await tenant.BudgetAsync()).GetProperty("state").GetString().ShouldBe("unlimited");
    }
}

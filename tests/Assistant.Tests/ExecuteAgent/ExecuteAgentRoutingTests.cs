using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Assistant.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Assistant.Tests.ExecuteAgent;

/// <summary>
/// The agent on the tenant's own model: routed like a grounded answer, its model calls recorded as usage and counted in
/// the budget, and refused with 429 once the budget is spent. The fake model answers 42 prompt and 9 completion tokens
/// per call; at 1 USD per 1k output tokens (input free) a call costs 0.009 USD.
/// </summary>
[Collection(RagCollection.Name)]
public sealed class ExecuteAgentRoutingTests(RagSystem system) : IAsyncLifetime
{
    private const decimal CallCost = 0.009m;
    private FakeChatCompletionsServer _model = null!;

    public async ValueTask InitializeAsync() => _model = await FakeChatCompletionsServer.StartAsync();

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    private async Task<RagTenant> TenantWithModelAsync(string name)
    {
        var tenant = system.NewTenant();
        // The fake server listens on 127.0.0.1: a tenant model there must be allow-listed as private, like any agent host.
        await tenant.AllowAsync(new { host = "127.0.0.1", allow_private = true });
        await tenant.AddModelAsync(_model, name, inputPrice: 0, outputPrice: 1);
        _model.Answer = "3 boxes at 12.5 cost 37.5.";
        _model.ToolCalls = request => request.ToString().Contains("boxes") && FakeChatCompletionsServer.ToolRounds(request) == 0
            ? [new FakeToolCall("calculator", new { expression = "12.5 * 3" })]
            : null;
        return tenant;
    }

    [Fact]
    public async Task An_agent_run_on_the_tenants_model_is_recorded_as_usage_and_counted_in_the_budget()
    {
        var tenant = await TenantWithModelAsync("agent-metered");
        await tenant.SetBudgetAsync(10);

        var run = await tenant.ExecuteAsync(new { task = "What do 3 boxes at 12.5 cost?", tools = new[] { "calculator" } });

        run.Status().ShouldBe("completed", run.ToString());
        var stats = run.GetProperty("stats");
        stats.GetProperty("planner").GetString().ShouldBe("agent-metered");
        stats.GetProperty("model_calls").GetInt32().ShouldBe(2);
        stats.GetProperty("cost_usd").GetDecimal().ShouldBe(2 * CallCost);
        _model.CallsTo("agent-metered").ShouldBe(2);

        var usage = await tenant.Assistant.GetFromJsonAsync<JsonElement>("/api/v1/usage", Ct);
        var model = usage.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "agent-metered");
        model.GetProperty("requests").GetInt32().ShouldBe(1);
        model.GetProperty("prompt_tokens").GetInt64().ShouldBe(84);
        model.GetProperty("completion_tokens").GetInt64().ShouldBe(18);
        model.GetProperty("cost_usd").GetDecimal().ShouldBe(2 * CallCost);
        // Every reservation was settled to what the calls cost.
        (await tenant.BudgetAsync()).GetProperty("spent_usd").GetDecimal().ShouldBe(2 * CallCost);
    }

    [Fact]
    public async Task A_spent_budget_refuses_the_agent_with_429_and_retry_after()
    {
        var tenant = await TenantWithModelAsync("agent-capped");
        await tenant.SetBudgetAsync(0.01m, softLimitRatio: 1);
        (await tenant.ExecuteAsync(new { task = "What do 3 boxes at 12.5 cost?", tools = new[] { "calculator" } })).Status().ShouldBe("completed");
        var calls = _model.CallsTo("agent-capped");

        var refused = await tenant.Assistant.PostAsJsonAsync("/api/v1/agent/execute", new { task = "What do 4 boxes at 12.5 cost?" }, Ct);

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "budget_exhausted");
        var untilNextMonth = BudgetPeriod.Containing(DateTimeOffset.UtcNow).End - DateTimeOffset.UtcNow;
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBe(untilNextMonth.TotalSeconds, 120);
        _model.CallsTo("agent-capped").ShouldBe(calls);
        (await tenant.BudgetAsync()).GetProperty("state").GetString().ShouldBe("exhausted");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Assistant.Grounding;
using VoiceHelper.Assistant.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Assistant.Tests.Models;

/// <summary>A tenant's models in the answer pipeline, against a local OpenAI-compatible server that fails on demand.</summary>
[Collection(RagCollection.Name)]
public sealed class TenantRoutingTests(RagSystem system) : IAsyncLifetime
{
    private FakeChatCompletionsServer _model = null!;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeChatCompletionsServer.StartAsync();
        _model.Answer = "You can return any item within 30 days of delivery [1].";
    }

    public async ValueTask DisposeAsync() => await _model.DisposeAsync();

    private int CallsTo(string model) => _model.Requests.Count(r => r.GetProperty("model").GetString() == model);

    [Fact]
    public async Task The_strategy_picks_the_model_and_the_answer_says_which_model_answered_and_how_it_was_routed()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);
        await tenant.AllowLocalModelServersAsync();
        await tenant.AddModelAsync(_model, "premium", outputPrice: 2, qualityTier: 5);
        await tenant.AddModelAsync(_model, "budget", outputPrice: 0.1m, qualityTier: 2);
        await tenant.SetStrategyAsync("best_quality");

        var best = await tenant.AskAsync(RouterApi.Question(kb));
        best.GetProperty("model").GetString().ShouldBe("premium");
        best.GetProperty("routing_strategy").GetString().ShouldBe("best_quality");
        best.GetProperty("fallback_used").GetBoolean().ShouldBeFalse();
        best.GetProperty("metrics").GetProperty("cost_usd").GetDecimal().ShouldBe(9 * 2m / 1000);

        var cheap = await tenant.AskAsync(RouterApi.Question(kb, strategy: "cheapest"));
        cheap.GetProperty("model").GetString().ShouldBe("budget");
        cheap.GetProperty("routing_strategy").GetString().ShouldBe("cheapest");

        var invalid = await tenant.Assistant.PostAsJsonAsync("/api/v1/rag/query", RouterApi.Question(kb, strategy: "random"), Ct);
        await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_failing_model_falls_back_then_its_breaker_opens_and_it_is_skipped_without_a_call()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);
        _model.Behaviours["flaky"] = FakeBehaviour.ServerError;
        await tenant.AllowLocalModelServersAsync();
        await tenant.AddModelAsync(_model, "flaky", outputPrice: 0.1m, qualityTier: 5);
        await tenant.AddModelAsync(_model, "steady", outputPrice: 1m, qualityTier: 3);
        await tenant.SetStrategyAsync("best_quality");

        JsonElement answer = default;
        for (var i = 0; i < 4; i++)
        {
            answer = await tenant.AskAsync(RouterApi.Question(kb));
            answer.GetProperty("model").GetString().ShouldBe("steady");
            answer.GetProperty("fallback_used").GetBoolean().ShouldBeTrue();
        }
        answer.Features().ShouldContain("model_fallback");
        CallsTo("flaky").ShouldBe(3);

        var models = await tenant.Assistant.GetFromJsonAsync<JsonElement>("/api/v1/models", Ct);
        var flaky = models.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "flaky");
        flaky.GetProperty("circuit").GetString().ShouldBe("open");
        flaky.GetProperty("available").GetBoolean().ShouldBeFalse();
        flaky.GetProperty("error_rate").GetDouble().ShouldBe(1);
        var steady = models.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "steady");
        steady.GetProperty("latency_p50_ms").GetDouble().ShouldBeGreaterThan(0);
        steady.GetProperty("error_rate").GetDouble().ShouldBe(0);
    }

    [Fact]
    public async Task When_every_model_of_the_tenant_fails_the_embedded_answerer_answers()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);
        _model.Behaviours["down"] = FakeBehaviour.Malformed;
        await tenant.AllowLocalModelServersAsync();
        await tenant.AddModelAsync(_model, "down");

        var answer = await tenant.AskAsync(RouterApi.Question(kb));

        answer.GetProperty("model").GetString().ShouldBe(ExtractiveChatClient.ModelId);
        answer.GetProperty("fallback_used").GetBoolean().ShouldBeTrue();
        answer.GetProperty("answer").GetString()!.ShouldContain("30 days");
    }

    [Fact]
    public async Task A_model_whose_context_window_is_too_small_for_the_prompt_is_not_asked()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);
        await tenant.AllowLocalModelServersAsync();
        await tenant.AddModelAsync(_model, "tiny-window", outputPrice: 0, contextWindow: 512);
        await tenant.AddModelAsync(_model, "wide-window", outputPrice: 5, contextWindow: 100_000);

        var answer = await tenant.AskAsync(RouterApi.Question(kb, strategy: "cheapest"));

        answer.GetProperty("model").GetString().ShouldBe("wide-window");
        answer.GetProperty("fallback_used").GetBoolean().ShouldBeFalse();
        CallsTo("tiny-window").ShouldBe(0);
    }
}

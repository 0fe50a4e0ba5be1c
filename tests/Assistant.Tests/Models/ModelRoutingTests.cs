using VoiceHelper.Assistant.Models;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.Tests.Models;

/// <summary>The routing decision over a model table, without a database or a model server.</summary>
public sealed class ModelRoutingTests
{
    // key, in $/1k, out $/1k, window, tier, measured p50 latency, error rate
    private static readonly RouteCandidate Mini = new("mini", 0.1m, 0.2m, 8_000, 2, LatencyP50Ms: 900);
    private static readonly RouteCandidate Standard = new("standard", 0.5m, 1.5m, 32_000, 3, LatencyP50Ms: 400);
    private static readonly RouteCandidate Premium = new("premium", 5m, 15m, 128_000, 5, LatencyP50Ms: 1500);
    private static readonly RouteCandidate Local = new("local", 0m, 0m, 2_048, 1, LatencyP50Ms: 300);
    private static readonly RouteCandidate Extractive = new("extractive", 0m, 0m, 4_096, 1, LastResort: true);

    private static readonly RouteCandidate[] Table = [Premium, Standard, Mini, Local, Extractive];

    private static IEnumerable<string> Keys(RouteDecision decision) => decision.Order.Select(c => c.Key);

    private static RouteDecision Decide(string? strategy, int promptTokens = 500, int maxOutput = 500,
        RagQueryComplexity complexity = RagQueryComplexity.Moderate, string? pinned = null, bool soft = false, IReadOnlyList<RouteCandidate>? table = null) =>
        ModelRouting.Decide(table ?? Table, new RouteRequest(strategy, promptTokens, maxOutput, complexity, pinned, soft, 128));

    [Fact]
    public void Cheapest_orders_by_the_estimated_cost_of_this_request_and_keeps_the_last_resort_last() =>
        Keys(Decide(RoutingStrategies.Cheapest)).ShouldBe(["local", "mini", "standard", "premium", "extractive"]);

    [Fact]
    public void Fastest_orders_by_measured_latency_and_tries_an_unmeasured_model_first_to_measure_it()
    {
        Keys(Decide(RoutingStrategies.Fastest)).ShouldBe(["local", "standard", "mini", "premium", "extractive"]);

        var fresh = new RouteCandidate("fresh", 1m, 1m, 32_000, 3);
        Keys(Decide(RoutingStrategies.Fastest, table: [.. Table, fresh])).First().ShouldBe("fresh");
    }

    [Fact]
    public void Best_quality_orders_by_tier_then_by_cost() =>
        Keys(Decide(RoutingStrategies.BestQuality)).ShouldBe(["premium", "standard", "mini", "local", "extractive"]);

    [Fact]
    public void Balanced_weighs_quality_against_cost_latency_and_errors()
    {
        // premium: best quality but the most expensive and slowest; standard wins the weighted score.
        Keys(Decide(RoutingStrategies.Balanced)).First().ShouldBe("standard");

        var flaky = Standard with { ErrorRate = 1 };
        var mid = new RouteCandidate("mid", 0.5m, 1.5m, 32_000, 3, LatencyP50Ms: 400);
        Keys(Decide(RoutingStrategies.Balanced, table: [flaky, mid, Extractive])).ShouldBe(["mid", "standard", "extractive"]);
    }

    [Theory]
    [InlineData(RagQueryComplexity.Simple, "local")]
    [InlineData(RagQueryComplexity.Moderate, "standard")]
    [InlineData(RagQueryComplexity.Complex, "premium")]
    public void Complexity_aware_sends_simple_questions_to_cheap_models_and_complex_ones_to_the_best(RagQueryComplexity complexity, string first)
    {
        var decision = Decide(RoutingStrategies.ComplexityAware, complexity: complexity);
        decision.Primary.Key.ShouldBe(first);
    }

    [Fact]
    public void A_model_whose_context_window_cannot_hold_prompt_and_answer_is_never_chosen_whatever_the_strategy()
    {
        foreach (var strategy in RoutingStrategies.All.Append(null))
        {
            var decision = Decide(strategy, promptTokens: 7_800, maxOutput: 400, complexity: RagQueryComplexity.Simple);
            Keys(decision).ShouldNotContain("mini");
            Keys(decision).ShouldNotContain("local");
            decision.Excluded.Select(e => e.Key).ShouldBe(["mini", "local"], ignoreOrder: true);
            decision.Excluded.ShouldAllBe(e => e.Reason == "context_window_too_small");
            decision.Order[^1].Key.ShouldBe("extractive");
        }
        // The last resort stays even when no model fits.
        Keys(Decide(RoutingStrategies.Cheapest, promptTokens: 1_000_000)).ShouldBe(["extractive"]);
    }

    [Fact]
    public void Without_a_strategy_the_configured_order_stands() =>
        Keys(Decide(null)).ShouldBe(["premium", "standard", "mini", "local", "extractive"]);

    [Fact]
    public void Past_the_soft_limit_the_cheapest_model_leads_and_the_answer_is_capped()
    {
        var decision = Decide(RoutingStrategies.BestQuality, soft: true);

        decision.Primary.Key.ShouldBe("local");
        decision.MaxOutputTokens.ShouldBe(128);
        decision.Strategy.ShouldBe(RoutingStrategies.Cheapest);
        Decide(RoutingStrategies.BestQuality).MaxOutputTokens.ShouldBe(500);
    }

    [Fact]
    public void A_pinned_model_leads_when_it_fits_and_is_ignored_when_it_does_not()
    {
        Keys(Decide(RoutingStrategies.Cheapest, pinned: "premium")).ShouldBe(["premium", "local", "mini", "standard", "extractive"]);
        Decide(RoutingStrategies.Cheapest, promptTokens: 3_000, pinned: "local").Primary.Key.ShouldBe("mini");
    }

    [Fact]
    public void The_decision_is_deterministic_for_equal_models()
    {
        var a = new RouteCandidate("a", 1m, 1m, 8_000, 3);
        var b = new RouteCandidate("b", 1m, 1m, 8_000, 3);
        foreach (var strategy in RoutingStrategies.All)
        {
            Keys(Decide(strategy, table: [a, b, Extractive])).ShouldBe(["a", "b", "extractive"]);
        }
    }
}

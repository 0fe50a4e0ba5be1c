using VoiceHelper.Assistant.Common;
using VoiceHelper.Assistant.GetAbTestResults;

namespace VoiceHelper.Assistant.Tests.GetAbTestResults;

public sealed class GetAbTestResultsDecisionTests
{
    private static readonly AbTestVariant[] Variants = [new("a", 50, "m1", null), new("b", 50, "m2", null)];

    private static List<GetAbTestResultsOutcome> Outcomes(string variant, int successes, int failures, int latencyMs = 100) =>
        Enumerable.Range(0, successes).Select(i => new GetAbTestResultsOutcome(variant, true, false, latencyMs + i, 50, 0.01m))
            .Concat(Enumerable.Range(0, failures).Select(_ => new GetAbTestResultsOutcome(variant, false, true, latencyMs * 10, 60, 0.02m)))
            .ToList();

    [Fact]
    public void Each_variant_gets_its_rates_percentiles_tokens_cost_and_feedback()
    {
        var (variants, _, _) = GetAbTestResultsDecision.Summarise(Variants, [.. Outcomes("a", 18, 2), .. Outcomes("b", 10, 0, 200)],
            [("a", "up"), ("a", "up"), ("a", "down"), ("b", "down")]);

        var a = variants[0];
        a.Requests.ShouldBe(20);
        a.SuccessRate.ShouldBe(0.9);
        a.FallbackRate.ShouldBe(0.1);
        a.LatencyP50Ms.ShouldBe(109);
        a.LatencyP95Ms.ShouldBe(1000);
        a.TotalTokens.ShouldBe(18 * 50 + 2 * 60);
        a.CostUsd.ShouldBe(18 * 0.01m + 2 * 0.02m);
        (a.FeedbackUp, a.FeedbackDown).ShouldBe((2, 1));
        a.Satisfaction!.Value.ShouldBe(2.0 / 3, 1e-9);
        variants[1].Satisfaction.ShouldBe(0);
    }

    [Fact]
    public void A_clear_difference_with_enough_data_is_significant_and_a_small_one_is_not()
    {
        var (_, clear, _) = GetAbTestResultsDecision.Summarise(Variants, [.. Outcomes("a", 90, 10), .. Outcomes("b", 60, 40)], []);
        clear.Significant.ShouldBeTrue();
        clear.PValue!.Value.ShouldBeLessThan(0.001);
        clear.DegreesOfFreedom.ShouldBe(1);

        var (_, close, _) = GetAbTestResultsDecision.Summarise(Variants, [.. Outcomes("a", 90, 10), .. Outcomes("b", 88, 12)], []);
        close.Significant.ShouldBeFalse();
        close.PValue!.Value.ShouldBeGreaterThan(0.05);

        var (_, few, feedback) = GetAbTestResultsDecision.Summarise(Variants, [.. Outcomes("a", 9, 0), .. Outcomes("b", 0, 9)], []);
        few.EnoughData.ShouldBeFalse();
        few.Significant.ShouldBeFalse();
        feedback.PValue.ShouldBeNull();
    }
}

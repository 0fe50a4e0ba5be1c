using VoiceHelper.Assistant.Common;
using VoiceHelper.Assistant.Models;

namespace VoiceHelper.Assistant.GetAbTestResults;

/// <summary>The results of a test from its recorded answers and ratings: pure, so tests need no database.</summary>
public static class GetAbTestResultsDecision
{
    public const int MinimumPerVariant = 30;
    public const double Alpha = 0.05;

    public static (IReadOnlyList<GetAbTestResultsVariant> Variants, GetAbTestResultsSignificance Success, GetAbTestResultsSignificance Feedback)
        Summarise(IReadOnlyList<AbTestVariant> variants, IReadOnlyList<GetAbTestResultsOutcome> outcomes, IReadOnlyList<(string Variant, string Rating)> feedback)
    {
        var byVariant = outcomes.ToLookup(o => o.Variant);
        var ratings = feedback.ToLookup(f => f.Variant);
        var results = variants.Select(v =>
        {
            var rows = byVariant[v.Name].ToList();
            var latencies = rows.Select(r => (double)r.LatencyMs).Order().ToList();
            var up = ratings[v.Name].Count(r => r.Rating == "up");
            var down = ratings[v.Name].Count(r => r.Rating == "down");
            var successes = rows.Count(r => r.Success);
            var tokens = rows.Sum(r => (long)r.Tokens);
            var cost = rows.Sum(r => r.CostUsd);
            return new GetAbTestResultsVariant(v.Name, v.Weight, v.Model, v.Prompt, rows.Count, successes,
                Rate(successes, rows.Count), Rate(rows.Count(r => r.FallbackUsed), rows.Count),
                latencies.Count == 0 ? null : ModelHealth.Percentile(latencies, 0.5),
                latencies.Count == 0 ? null : ModelHealth.Percentile(latencies, 0.95),
                tokens, rows.Count == 0 ? null : (double)tokens / rows.Count, cost, rows.Count == 0 ? null : Math.Round(cost / rows.Count, 8),
                up, down, Rate(up, up + down));
        }).ToList();
        return (results,
            Significance("success_rate", results.Select(r => ((long)r.Successes, (long)(r.Requests - r.Successes))).ToList()),
            Significance("feedback", results.Select(r => ((long)r.FeedbackUp, (long)r.FeedbackDown)).ToList()));
    }

    public static GetAbTestResultsSignificance Significance(string metric, IReadOnlyList<(long Yes, long No)> counts)
    {
        var table = new long[counts.Count, 2];
        for (var i = 0; i < counts.Count; i++)
        {
            table[i, 0] = counts[i].Yes;
            table[i, 1] = counts[i].No;
        }
        var enough = counts.All(c => c.Yes + c.No >= MinimumPerVariant);
        if (ChiSquare.Independence(table) is not { } test)
        {
            return new GetAbTestResultsSignificance(metric, null, null, null, enough, false);
        }
        return new GetAbTestResultsSignificance(metric, Math.Round(test.Statistic, 4), test.DegreesOfFreedom, test.PValue, enough,
            enough && test.PValue < Alpha);
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
}

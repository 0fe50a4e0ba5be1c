using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.Models;

/// <summary>
/// The routing decision, a pure function over a model table: which models may answer this request, in which order.
/// A model whose context window cannot hold the prompt and the answer is never chosen; the last resort (the embedded
/// answerer) is always kept, last. Ties keep the table's order, so the decision is deterministic.
/// </summary>
public static class ModelRouting
{
    /// <summary>Weights of the balanced score (quality up, cost down, latency down, errors down).</summary>
    public const double QualityWeight = 0.4, CostWeight = 0.3, LatencyWeight = 0.2, ErrorWeight = 0.1;

    public static RouteDecision Decide(IReadOnlyList<RouteCandidate> models, RouteRequest request)
    {
        var maxOutput = request.SoftLimit ? Math.Min(request.MaxOutputTokens, request.SoftLimitMaxOutputTokens) : request.MaxOutputTokens;
        var needed = (long)request.PromptTokens + maxOutput;
        var excluded = new List<(string, string)>();
        var fitting = new List<RouteCandidate>(models.Count);
        RouteCandidate? lastResort = null;
        foreach (var model in models)
        {
            if (model.LastResort)
            {
                lastResort ??= model;
            }
            else if (model.ContextWindow < needed)
            {
                excluded.Add((model.Key, "context_window_too_small"));
            }
            else
            {
                fitting.Add(model);
            }
        }
        var strategy = request.SoftLimit ? RoutingStrategies.Cheapest : Effective(request.Strategy, request.Complexity);
        var ordered = Order(fitting, strategy, request.PromptTokens, maxOutput);
        if (request.Pinned is { } pinned && ordered.FindIndex(m => m.Key == pinned) is var at and > 0)
        {
            var chosen = ordered[at];
            ordered.RemoveAt(at);
            ordered.Insert(0, chosen);
        }
        if (lastResort is not null)
        {
            ordered.Add(lastResort);
        }
        return new RouteDecision(ordered, maxOutput, strategy, excluded);
    }

    /// <summary>Complexity-aware routing resolves to one of the plain strategies.</summary>
    public static string? Effective(string? strategy, RagQueryComplexity complexity) =>
        strategy != RoutingStrategies.ComplexityAware ? strategy : complexity switch
        {
            RagQueryComplexity.Simple => RoutingStrategies.Cheapest,
            RagQueryComplexity.Complex => RoutingStrategies.BestQuality,
            _ => RoutingStrategies.Balanced,
        };

    private static List<RouteCandidate> Order(List<RouteCandidate> models, string? strategy, int promptTokens, int maxOutput)
    {
        // OrderBy is a stable sort: equal keys keep the table's order.
        IEnumerable<RouteCandidate> ordered = strategy switch
        {
            RoutingStrategies.Cheapest => models.OrderBy(m => m.EstimatedCost(promptTokens, maxOutput)).ThenByDescending(m => m.QualityTier),
            // A model never measured goes first once, so that every model gets a measured latency; afterwards the measurement decides.
            RoutingStrategies.Fastest => models.OrderBy(m => m.LatencyP50Ms ?? -1),
            RoutingStrategies.BestQuality => models.OrderByDescending(m => m.QualityTier).ThenBy(m => m.EstimatedCost(promptTokens, maxOutput)),
            RoutingStrategies.Balanced => Balanced(models, promptTokens, maxOutput),
            _ => models,
        };
        return ordered.ToList();
    }

    private static IEnumerable<RouteCandidate> Balanced(List<RouteCandidate> models, int promptTokens, int maxOutput)
    {
        if (models.Count < 2)
        {
            return models;
        }
        var costs = models.Select(m => (double)m.EstimatedCost(promptTokens, maxOutput)).ToArray();
        var measured = models.Where(m => m.LatencyP50Ms is not null).Select(m => m.LatencyP50Ms!.Value).ToArray();
        var (minCost, maxCost) = (costs.Min(), costs.Max());
        var (minLatency, maxLatency) = measured.Length > 0 ? (measured.Min(), measured.Max()) : (0, 0);
        var scores = new double[models.Count];
        for (var i = 0; i < models.Count; i++)
        {
            var model = models[i];
            var quality = (Math.Clamp(model.QualityTier, 1, 5) - 1) / 4.0;
            var cost = Normalise(costs[i], minCost, maxCost);
            // Unmeasured latency counts as average, neither rewarded nor punished.
            var latency = model.LatencyP50Ms is { } l ? Normalise(l, minLatency, maxLatency) : 0.5;
            scores[i] = QualityWeight * quality - CostWeight * cost - LatencyWeight * latency - ErrorWeight * Math.Clamp(model.ErrorRate, 0, 1);
        }
        return models.Select((m, i) => (m, i)).OrderByDescending(p => scores[p.i]).Select(p => p.m);
    }

    private static double Normalise(double value, double min, double max) => max > min ? (value - min) / (max - min) : 0;
}

using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.SetRoutingStrategy;

/// <param name="Strategy">cheapest, fastest, best_quality, balanced, complexity_aware; null returns to the default order.</param>
public sealed record SetRoutingStrategyRequest(string? Strategy) : IRequest<Result<SetRoutingStrategyResponse>>;

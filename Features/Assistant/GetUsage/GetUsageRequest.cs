using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.GetUsage;

/// <summary>Usage in [From, To); both default to the last 30 days.</summary>
public sealed record GetUsageRequest(DateTimeOffset? From, DateTimeOffset? To) : IRequest<Result<GetUsageResponse>>;

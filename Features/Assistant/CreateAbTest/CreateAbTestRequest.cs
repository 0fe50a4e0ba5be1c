using MediatR;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.CreateAbTest;

/// <summary>A test in <c>draft</c>: 2 to 10 variants whose weights (whole percentages) sum to 100.</summary>
public sealed record CreateAbTestRequest(string? Name, IReadOnlyList<AbTestVariant>? Variants) : IRequest<Result<AbTestView>>;

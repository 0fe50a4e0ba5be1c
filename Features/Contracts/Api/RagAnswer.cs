namespace VoiceHelper.Contracts.Api;

/// <summary>
/// A grounded answer: the JSON response of <c>POST /api/v1/rag/query</c> and the data of the stream's
/// <see cref="RagStreamEvents.End"/> event (whose answer wins over the streamed deltas: the self-check may have removed
/// sentences already streamed). <see cref="Model"/> answered, <see cref="FallbackUsed"/> says whether it was not the routing's
/// first choice; <see cref="RoutingStrategy"/> is the strategy applied, and <see cref="AbTestId"/>/<see cref="AbTestVariant"/>
/// the A/B test and variant the caller was in.
/// </summary>
public sealed record RagAnswer(
    string Answer,
    IReadOnlyList<RagSource> Sources,
    RagMetrics Metrics,
    IReadOnlyList<string> FeaturesUsed,
    RagQueryClassification QueryClassifier,
    string? Model,
    bool FallbackUsed,
    string? RoutingStrategy = null,
    Guid? AbTestId = null,
    string? AbTestVariant = null);

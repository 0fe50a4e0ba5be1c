namespace VoiceHelper.Contracts.Api;

/// <summary>
/// A grounded answer: the JSON response of <c>POST /api/v1/rag/query</c> and the data of the stream's
/// <see cref="RagStreamEvents.End"/> event (whose answer wins over the streamed deltas: the self-check may have removed
/// sentences already streamed).
/// </summary>
public sealed record RagAnswer(
    string Answer,
    IReadOnlyList<RagSource> Sources,
    RagMetrics Metrics,
    IReadOnlyList<string> FeaturesUsed,
    RagQueryClassification QueryClassifier,
    string? Model,
    bool FallbackUsed);

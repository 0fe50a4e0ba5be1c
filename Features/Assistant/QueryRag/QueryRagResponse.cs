namespace VoiceHelper.Assistant.QueryRag;

public sealed record QueryRagResponse(
    string Answer,
    IReadOnlyList<QueryRagSource> Sources,
    QueryRagMetrics Metrics,
    IReadOnlyList<string> FeaturesUsed,
    QueryRagClassification QueryClassifier,
    string? Model,
    bool FallbackUsed);

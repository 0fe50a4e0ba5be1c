namespace VoiceHelper.Contracts.Api;

/// <summary>The <c>query_classifier</c> block of an answer.</summary>
public sealed record RagQueryClassification(
    RagQueryType Type,
    RagQueryComplexity Complexity,
    string Language,
    double Confidence,
    bool RetrievalSkipped);

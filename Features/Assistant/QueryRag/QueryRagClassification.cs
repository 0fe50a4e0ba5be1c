namespace VoiceHelper.Assistant.QueryRag;

/// <summary>The <c>query_classifier</c> block of the answer.</summary>
public sealed record QueryRagClassification(
    QueryRagQueryType Type,
    QueryRagComplexity Complexity,
    string Language,
    double Confidence,
    bool RetrievalSkipped);

using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>The retrieve stage's outcome: the top chunks in answer order, with what it took.</summary>
public sealed record QueryRagRetrieved(
    IReadOnlyList<(KnowledgeSearchHit Chunk, double Score)> Ranked,
    IReadOnlyList<string> Features,
    double RetrievalMs,
    double RerankMs);

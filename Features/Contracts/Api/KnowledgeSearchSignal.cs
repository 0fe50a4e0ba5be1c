namespace VoiceHelper.Contracts.Api;

/// <summary>One retrieval signal's view of a chunk: its 1-based rank and raw score (cosine similarity or BM25).</summary>
public sealed record KnowledgeSearchSignal(int Rank, double Score);

namespace VoiceHelper.Ai.Reranking;

/// <summary><see cref="Index"/> points into the documents passed in.</summary>
public sealed record RerankResult(int Index, double Score);

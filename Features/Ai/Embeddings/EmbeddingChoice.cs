namespace VoiceHelper.Ai.Embeddings;

/// <summary>Which embedder the configuration resolved to, and why (logged at start and shown by the health check).</summary>
public sealed record EmbeddingChoice(string Provider, string Description);

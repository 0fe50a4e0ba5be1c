using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>A chunk as it goes to the model: numbered, trimmed to its relevant sentences.</summary>
public sealed record QueryRagContextSource(int Number, KnowledgeSearchHit Chunk, string Text, double Score);

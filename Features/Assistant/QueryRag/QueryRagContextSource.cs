using VoiceHelper.Assistant.Common;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>A chunk as it goes to the model: numbered, trimmed to its relevant sentences.</summary>
public sealed record QueryRagContextSource(int Number, KnowledgeChunk Chunk, string Text, double Score);

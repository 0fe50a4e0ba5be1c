using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Knowledge.SearchKnowledge;

/// <summary>A chunk after fusion, before its text is loaded.</summary>
public sealed record SearchKnowledgeFused(Guid ChunkId, double Score, KnowledgeSearchSignal? Vector, KnowledgeSearchSignal? Keyword);

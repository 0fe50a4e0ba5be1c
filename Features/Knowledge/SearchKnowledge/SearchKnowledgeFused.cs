namespace VoiceHelper.Knowledge.SearchKnowledge;

/// <summary>A chunk after fusion, before its text is loaded.</summary>
public sealed record SearchKnowledgeFused(Guid ChunkId, double Score, SearchKnowledgeSignal? Vector, SearchKnowledgeSignal? Keyword);

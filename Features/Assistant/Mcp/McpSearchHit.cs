namespace VoiceHelper.Assistant.Mcp;

/// <summary>One passage <c>knowledge_search</c> returns, with what a citation needs.</summary>
public sealed record McpSearchHit(
    int Rank, double Score, string Title, IReadOnlyList<string> HeadingPath, int? Page, string Text, Guid DocumentId, Guid ChunkId, Guid KnowledgeBaseId);

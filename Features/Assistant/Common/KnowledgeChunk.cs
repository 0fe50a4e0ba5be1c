namespace VoiceHelper.Assistant.Common;

/// <summary>One retrieved chunk as Knowledge ranks it.</summary>
public sealed record KnowledgeChunk(
    Guid ChunkId,
    Guid DocumentId,
    Guid? KnowledgeBaseId,
    string Title,
    string? HeadingPath,
    int? Page,
    int? Position,
    string Text,
    double Score);

namespace VoiceHelper.Console.Common.Api;

public sealed record DocumentItem(Guid Id, Guid KnowledgeBaseId, string Title, string FileName, long SizeBytes, string Status,
    int Progress, int ChunkCount, string? ErrorCode, string? Error, DateTimeOffset CreatedAt);

namespace VoiceHelper.Console.Common.Api;

public sealed record KnowledgeBaseItem(Guid Id, string Name, string? Description, string? Language, string EmbeddingModel,
    DateTimeOffset CreatedAt);

namespace VoiceHelper.Contracts.Api;

/// <summary>
/// The fields of an item of Knowledge's <c>GET /api/v1/knowledge/bases</c> page that other services read (the Assistant
/// names its OpenAI models after them); Knowledge's own response carries more.
/// </summary>
public sealed record KnowledgeBaseSummary(Guid Id, string Name, string? Description, DateTimeOffset CreatedAt);

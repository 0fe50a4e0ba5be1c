namespace VoiceHelper.Assistant.Common;

/// <summary>A model as OpenAI clients and MCP tools name it: a set of the tenant's knowledge bases answered from.</summary>
public sealed record KnowledgeModel(string Id, IReadOnlyList<Guid> KnowledgeBaseIds, string Description, DateTimeOffset Created);

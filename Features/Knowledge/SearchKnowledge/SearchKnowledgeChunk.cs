namespace VoiceHelper.Knowledge.SearchKnowledge;

/// <summary>A chunk row as search returns it.</summary>
public sealed record SearchKnowledgeChunk(Guid Id, Guid DocumentId, string DocumentTitle, Guid KnowledgeBaseId, string[] HeadingPath, int? Page, int Position, string Text);

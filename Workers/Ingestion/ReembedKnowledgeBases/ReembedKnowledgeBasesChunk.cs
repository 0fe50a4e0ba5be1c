namespace VoiceHelper.Ingestion.ReembedKnowledgeBases;

/// <summary>A chunk still on the old embedder, with the text it is embedded from.</summary>
public sealed record ReembedKnowledgeBasesChunk(Guid Id, string IndexText);

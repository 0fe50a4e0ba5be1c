namespace VoiceHelper.Ingestion.IngestDocument;

/// <summary>What the worker loads before processing: the document's state, its knowledge base's chunk settings and the original.</summary>
public sealed record IngestDocumentSource(string Status, string ContentType, Guid? ReplacesDocumentId, int ChunkSize, int ChunkOverlap, byte[] Content);

using Microsoft.Extensions.AI;
using VoiceHelper.Ai.Embeddings;

namespace VoiceHelper.Ingestion.IngestDocument;

/// <summary>A document's chunk vectors, the embedder that made them, and the corpus statistics they were weighted by (lexical only).</summary>
public sealed record IngestDocumentEmbeddings(IEmbeddingGenerator<string, Embedding<float>> Embedder, List<ReadOnlyMemory<float>> Vectors, TermStatistics? Statistics);

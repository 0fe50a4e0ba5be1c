using Microsoft.Extensions.AI;

namespace VoiceHelper.Knowledge.SearchKnowledge;

/// <summary>Searched knowledge bases that share an embedder, and the query's vector by it (null until embedded, or when that failed).</summary>
public sealed class SearchKnowledgeVectorGroup(IEmbeddingGenerator<string, Embedding<float>> embedder, List<Guid> kbIds)
{
    public IEmbeddingGenerator<string, Embedding<float>> Embedder { get; } = embedder;

    public List<Guid> KbIds { get; } = kbIds;

    public ReadOnlyMemory<float>? Query { get; set; }
}

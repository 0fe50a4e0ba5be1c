using Microsoft.Extensions.AI;

namespace VoiceHelper.Ai.Embeddings;

/// <summary>The name an embedder's vectors are stored under: vectors of different models are different spaces.</summary>
public static class EmbedderIdentity
{
    public static string Model(IEmbeddingGenerator<string, Embedding<float>> embedder) =>
        embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown";

    public static string Provider(IEmbeddingGenerator<string, Embedding<float>> embedder) =>
        embedder.GetService<EmbeddingGeneratorMetadata>()?.ProviderName ?? "unknown";
}

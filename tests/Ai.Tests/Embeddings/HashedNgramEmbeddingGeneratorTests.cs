using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Ai.Embeddings;

namespace VoiceHelper.Ai.Tests.Embeddings;

public sealed class HashedNgramEmbeddingGeneratorTests
{
    private static readonly HashedNgramEmbeddingGenerator Generator = new();

    private static float Similarity(string a, string b) => TensorPrimitives.CosineSimilarity(Generator.Embed(a), Generator.Embed(b));

    [Fact]
    public void Vectors_are_unit_length_deterministic_and_of_the_configured_size()
    {
        var vector = Generator.Embed("Reset the router");
        vector.Length.ShouldBe(384);
        TensorPrimitives.Norm(vector).ShouldBe(1f, 1e-5f);
        new HashedNgramEmbeddingGenerator().Embed("Reset the router").ShouldBe(vector);
        new HashedNgramEmbeddingGenerator(64).Embed("x y z").Length.ShouldBe(64);
    }

    [Fact]
    public void Misspellings_and_inflections_stay_close_while_unrelated_text_does_not()
    {
        var misspelt = Similarity("firmware updater", "firmwear updatr");
        var inflected = Similarity("installing the printer", "printer installation");
        var unrelated = Similarity("firmware updater", "refund policy for parcels");
        misspelt.ShouldBeGreaterThan(0.3f);
        inflected.ShouldBeGreaterThan(0.3f);
        unrelated.ShouldBeLessThan(0.15f);
    }

    [Fact]
    public void Chinese_texts_sharing_words_are_close()
    {
        Similarity("怎么申请退货", "收到商品后七天内可以申请退货").ShouldBeGreaterThan(Similarity("怎么申请退货", "订单通常在两个工作日内发货"));
    }

    [Fact]
    public void Empty_text_is_the_zero_vector()
    {
        Generator.Embed("  ").ShouldAllBe(v => v == 0);
    }

    [Fact]
    public async Task It_implements_the_abstraction_with_honest_metadata()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = Generator;
        var embeddings = await generator.GenerateAsync(["a", "b"], cancellationToken: TestContext.Current.CancellationToken);
        embeddings.Count.ShouldBe(2);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>()!;
        metadata.ProviderName.ShouldBe("hashed-ngram");
        metadata.DefaultModelDimensions.ShouldBe(384);
    }

    [Fact]
    public void AddEmbeddings_picks_the_embedded_default_or_the_openai_provider()
    {
        static IEmbeddingGenerator<string, Embedding<float>> Resolve(Dictionary<string, string?> settings)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            return new ServiceCollection().AddEmbeddings(configuration).BuildServiceProvider()
                .GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        }
        Resolve([]).ShouldBeOfType<HashedNgramEmbeddingGenerator>();
        Resolve(new() { ["Embeddings:Dimensions"] = "128" }).GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions.ShouldBe(128);
        Resolve(new() { ["Embeddings:Provider"] = "openai", ["Embeddings:Model"] = "nomic-embed-text", ["Embeddings:Endpoint"] = "http://127.0.0.1:9/v1" })
            .ShouldBeOfType<OpenAiEmbeddingGenerator>();
    }
}

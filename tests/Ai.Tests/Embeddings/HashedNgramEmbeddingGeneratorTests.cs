using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Ai.Embeddings;
using VoiceHelper.Ai.Text;

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

    /// <summary>A corpus's statistics as the Ingestion worker reads them: document frequencies of the keyword index's terms.</summary>
    private static TermStatistics Corpus(params string[] chunks) => new(chunks.Length, chunks
        .SelectMany(c => VoiceHelper.Ai.Text.TextTokenizer.Tokenize(c).Distinct())
        .GroupBy(t => t).ToDictionary(g => g.Key, g => (double)g.Count()));

    private static float Similarity(string a, string b, TermStatistics statistics) =>
        TensorPrimitives.CosineSimilarity(Generator.Embed(a, statistics), Generator.Embed(b, statistics));

    [Fact]
    public void Corpus_statistics_make_the_distinctive_word_count_more_than_the_common_one()
    {
        // Every chunk of this corpus is about the printer; only one mentions duplex.
        var corpus = Corpus("printer jam", "printer toner", "printer paper tray", "printer duplex unit", "printer wifi setup");
        var duplexFirst = Similarity("duplex printer", "duplex jam", corpus) - Similarity("duplex printer", "printer jam", corpus);
        duplexFirst.ShouldBeGreaterThan(0.2f);
        // Without statistics every word weighs alike, and the longer word (more character n-grams) wins.
        (Similarity("duplex printer", "duplex jam") - Similarity("duplex printer", "printer jam")).ShouldBeLessThan(duplexFirst - 0.2f);
    }

    [Fact]
    public void A_term_the_corpus_never_saw_counts_only_through_its_character_ngrams()
    {
        var corpus = Corpus("thermostat installation guide", "thermostat battery replacement", "退款在三个工作日内到账", "定时开关温度");
        // "instalation" is unseen: its word cannot match a chunk's, but its n-grams still lead to "installation".
        Similarity("thermostat instalation", "thermostat installation guide", corpus)
            .ShouldBeGreaterThan(Similarity("thermostat instalation", "thermostat battery replacement", corpus) + 0.1f);
        // Unseen Chinese bigrams (多久, 久到) would only collide with other chunks' features: they are left out.
        var query = Generator.Embed("退款多久到账", corpus);
        TensorPrimitives.CosineSimilarity(query, Generator.Embed("退款在三个工作日内到账", corpus)).ShouldBeGreaterThan(0.5f);
        Generator.Embed("多久", corpus).ShouldAllBe(v => v == 0);
        Generator.Embed("多久").ShouldContain(v => v != 0);
    }

    [Fact]
    public async Task Statistics_travel_in_the_generation_options()
    {
        var corpus = Corpus("printer jam", "printer duplex unit");
        var generated = await Generator.GenerateAsync(["duplex printer"], corpus.ToOptions(), TestContext.Current.CancellationToken);
        generated[0].Vector.ToArray().ShouldBe(Generator.Embed("duplex printer", corpus));
        generated[0].Vector.ToArray().ShouldNotBe(Generator.Embed("duplex printer"));
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
            .GetService<EmbeddingGeneratorMetadata>()!.ProviderName.ShouldBe("openai");
    }
}

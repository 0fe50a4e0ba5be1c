using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;
using VoiceHelper.Ai.Embeddings;

namespace VoiceHelper.Ai.Tests.Embeddings;

public sealed class SentenceEmbeddingGeneratorTests
{
    private static async Task<float[]> EmbedAsync(SentenceEmbeddingGenerator generator, string text) =>
        (await generator.GenerateAsync([text], cancellationToken: TestContext.Current.CancellationToken))[0].Vector.ToArray();

    [Fact]
    public async Task A_padded_batch_gives_the_vectors_of_an_independent_unpadded_mean_pooling()
    {
        var generator = SentenceModel.Require();
        string[] texts = ["Reset the router by holding the button for ten seconds.", "Refunds", "How long does shipping to Canada take, and who pays the customs fees?"];
        var batch = await generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        // The reference: one text per run, no padding, pooled by plain loops in double precision.
        using var session = new InferenceSession(Path.Combine(SentenceModel.Directory!, "model.onnx"));
        var tokenizer = BertTokenizer.Create(Path.Combine(SentenceModel.Directory!, "vocab.txt"));
        for (var i = 0; i < texts.Length; i++)
        {
            var ids = tokenizer.EncodeToIds(texts[i]).Select(id => (long)id).ToArray();
            long[] shape = [1, ids.Length];
            using var input = OrtValue.CreateTensorValueFromMemory(ids, shape);
            using var mask = OrtValue.CreateTensorValueFromMemory(ids.Select(_ => 1L).ToArray(), shape);
            using var types = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
            using var outputs = session.Run(new RunOptions(), ["input_ids", "attention_mask", "token_type_ids"], [input, mask, types], [session.OutputNames[0]]);
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            var mean = new double[384];
            for (var t = 0; t < ids.Length; t++)
            {
                for (var d = 0; d < 384; d++)
                {
                    mean[d] += hidden[t * 384 + d] / ids.Length;
                }
            }
            var norm = Math.Sqrt(mean.Sum(x => x * x));
            var expected = mean.Select(x => (float)(x / norm)).ToArray();

            var actual = batch[i].Vector.ToArray();
            actual.Length.ShouldBe(384);
            for (var d = 0; d < 384; d++)
            {
                actual[d].ShouldBe(expected[d], 1e-4f);
            }
            (await EmbedAsync(generator, texts[i])).ShouldBe(actual, 1e-5f);
        }
    }

    [Fact]
    public async Task Paraphrases_are_closer_than_texts_that_only_share_words()
    {
        var generator = SentenceModel.Require();
        var question = await EmbedAsync(generator, "How do I get my money back?");
        var paraphrase = await EmbedAsync(generator, "Refunds are issued to the original payment method within five days.");
        var sharedWords = await EmbedAsync(generator, "Money orders can be sent back by post.");
        var unrelated = await EmbedAsync(generator, "The printer supports duplex scanning.");
        TensorPrimitives.CosineSimilarity(question, paraphrase).ShouldBeGreaterThan(TensorPrimitives.CosineSimilarity(question, sharedWords));
        TensorPrimitives.CosineSimilarity(question, paraphrase).ShouldBeGreaterThan(TensorPrimitives.CosineSimilarity(question, unrelated) + 0.2f);
    }

    [Fact]
    public async Task Text_beyond_the_token_bound_is_not_read()
    {
        var generator = SentenceModel.Require();
        var longText = string.Join(' ', Enumerable.Repeat("The warranty covers parts and labour for two years.", 40));
        var withTail = await EmbedAsync(generator, longText + " Completely different ending about volcanoes and penguins.");
        (await EmbedAsync(generator, longText)).ShouldBe(withTail, 1e-5f);
    }

    [Fact]
    public async Task Registration_picks_the_model_when_installed_and_its_health_check_probes_it()
    {
        var directory = SentenceModel.Directory;
        await using var provider = Services(new() { ["Embeddings:Sentence:ModelDirectory"] = directory ?? "/nonexistent" });
        var embedder = provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var health = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);
        health.Status.ShouldBe(HealthStatus.Healthy);
        if (directory is null)
        {
            // Without the model the lexical embedder stays, and says why.
            EmbedderIdentity.Model(embedder).ShouldBe(HashedNgramEmbeddingGenerator.ModelId);
            health.Entries["embeddings"].Description!.ShouldContain("not installed");
            Assert.Skip($"Set {EmbeddingRegistration.ToolsDirectoryVariable} to check the model's registration.");
        }
        EmbedderIdentity.Model(embedder).ShouldBe(SentenceEmbeddingGenerator.DefaultModelId);
        EmbedderIdentity.Provider(embedder).ShouldBe(SentenceEmbeddingGenerator.ProviderName);
        var embedders = provider.GetRequiredService<KnowledgeEmbedders>();
        embedders.ForTexts(["Press the reset button."]).ShouldBeSameAs(embedder);
        embedders.ForTexts(["收到商品后七天内可以申请退货。", "Returns within 7 days."]).ShouldBeSameAs(embedders.Lexical);
    }

    [Fact]
    public async Task A_missing_model_falls_back_to_the_lexical_embedder_and_says_so()
    {
        await using var provider = Services(new() { ["Embeddings:Sentence:ModelDirectory"] = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")) });
        EmbedderIdentity.Model(provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()).ShouldBe(HashedNgramEmbeddingGenerator.ModelId);
        var health = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);
        health.Entries["embeddings"].Status.ShouldBe(HealthStatus.Healthy);
        health.Entries["embeddings"].Description!.ShouldContain(EmbeddingRegistration.ToolsDirectoryVariable);
        // With the lexical embedder as the default, Chinese is not routed elsewhere.
        provider.GetRequiredService<KnowledgeEmbedders>().RoutesChinese.ShouldBeFalse();
    }

    [Fact]
    public void Requiring_the_model_without_it_fails_at_start()
    {
        using var provider = Services(new() { ["Embeddings:Provider"] = "onnx", ["Embeddings:Sentence:ModelDirectory"] = "/nonexistent" });
        Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmbeddingOptions>>().Value)
            .Message.ShouldContain("fetch-embedding-model.sh");
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddEmbeddings(configuration);
        return services.BuildServiceProvider();
    }
}

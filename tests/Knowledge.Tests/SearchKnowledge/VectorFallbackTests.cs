using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Knowledge.Tests.Infrastructure;
using static VoiceHelper.Knowledge.Tests.Infrastructure.Api;

namespace VoiceHelper.Knowledge.Tests.SearchKnowledge;

public sealed class VectorFallbackTests(VectorFallbackTests.BrokenEmbedderApp app) : IClassFixture<VectorFallbackTests.BrokenEmbedderApp>
{
    /// <summary>The service's query embedder is down (the worker's still works, so there is something to find).</summary>
    public sealed class BrokenEmbedderApp : KnowledgeApp
    {
        protected override bool WithWorker => true;

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new BrokenEmbedder());
    }

    public sealed class BrokenEmbedder : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
            CancellationToken cancellationToken = default) => throw new HttpRequestException("embedding server unreachable");

        // It stands for the embedder the knowledge base is on (the worker's lexical one), as a model server that went down would.
        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("hashed-ngram", null, VoiceHelper.Ai.Embeddings.HashedNgramEmbeddingGenerator.ModelId, 384) : null;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task Hybrid_falls_back_to_keyword_and_says_so_while_vector_mode_answers_503()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        var id = await UploadNewAsync(client, kbId, "a.txt", Encoding.UTF8.GetBytes("The espresso machine descaling takes twenty minutes."));
        await WaitForDocumentAsync(client, id, app.Worker);

        var hybrid = await SearchAsync(client, new { query = "espresso descaling", kb_ids = new[] { kbId } });
        hybrid.GetProperty("mode").GetString().ShouldBe("hybrid");
        hybrid.GetProperty("effective_mode").GetString().ShouldBe("keyword");
        hybrid.GetProperty("fallback_reason").GetString().ShouldBe("vector_search_unavailable");
        hybrid.Results().First().GetProperty("document_id").GetGuid().ShouldBe(id);

        var vector = await client.PostAsJsonAsync("/api/v1/knowledge/search", new { query = "espresso", mode = "vector" }, Ct);
        await vector.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "vector_search_unavailable");
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Ai.Embeddings;

namespace VoiceHelper.Ai.Tests.Embeddings;

/// <summary>
/// The model-server embedding providers as configuration builds them, against a local server speaking OpenAI's
/// <c>/v1/embeddings</c> and Ollama's <c>/api/embed</c> (no model server can run here).
/// </summary>
public sealed class ModelServerEmbeddingsTests
{
    [Theory]
    [InlineData("openai")]
    [InlineData("ollama")]
    public async Task Sends_the_batch_and_returns_vectors_in_input_order(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        string? seenModel = null;
        server.MapPost("/v1/embeddings", async (HttpRequest request) =>
        {
            var body = await JsonDocument.ParseAsync(request.Body);
            seenModel = body.RootElement.GetProperty("model").GetString();
            var inputs = body.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString()!).ToList();
            var data = inputs.Select((text, i) => new { @object = "embedding", index = i, embedding = new[] { (float)text.Length, i } });
            return Results.Json(new { @object = "list", data, model = "stub-embed", usage = new { prompt_tokens = 3, total_tokens = 3 } });
        });
        server.MapPost("/api/embed", async (HttpRequest request) =>
        {
            var body = await JsonDocument.ParseAsync(request.Body);
            seenModel = body.RootElement.GetProperty("model").GetString();
            var inputs = body.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString()!).ToList();
            return Results.Json(new { model = "stub-embed", embeddings = inputs.Select((text, i) => new[] { (float)text.Length, i }), prompt_eval_count = 3 });
        });
        await server.StartAsync(ct);
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = provider,
            ["Embeddings:Model"] = "stub-embed",
            ["Embeddings:Endpoint"] = provider == "openai" ? address + "/v1" : address,
        }).Build();
        await using var services = new ServiceCollection().AddEmbeddings(configuration).BuildServiceProvider();
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var embeddings = await generator.GenerateAsync(["a", "bbb"], cancellationToken: ct);

        seenModel.ShouldBe("stub-embed");
        embeddings.Select(e => e.Vector.ToArray()).ShouldBe([new[] { 1f, 0f }, new[] { 3f, 1f }]);
        embeddings.Usage!.InputTokenCount.ShouldBe(3);
    }
}

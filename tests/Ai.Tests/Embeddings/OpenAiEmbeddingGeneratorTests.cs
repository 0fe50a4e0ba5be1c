using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Ai.Embeddings;

namespace VoiceHelper.Ai.Tests.Embeddings;

/// <summary>Against a local stand-in for an OpenAI-compatible /v1/embeddings server (no model server can run here).</summary>
public sealed class OpenAiEmbeddingGeneratorTests
{
    [Fact]
    public async Task Sends_the_batch_and_returns_vectors_in_input_order()
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
            // Answer out of order: the client must sort by index.
            var data = inputs.Select((text, i) => new { @object = "embedding", index = i, embedding = new[] { (float)text.Length, i } }).Reverse();
            return Results.Json(new { @object = "list", data, model = "stub-embed", usage = new { prompt_tokens = 3, total_tokens = 3 } });
        });
        await server.StartAsync(ct);
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var generator = new OpenAiEmbeddingGenerator(new EmbeddingOptions { Provider = "openai", Model = "stub-embed", Endpoint = new Uri(address + "/v1") });
        var embeddings = await generator.GenerateAsync(["a", "bbb"], cancellationToken: ct);

        seenModel.ShouldBe("stub-embed");
        embeddings.Select(e => e.Vector.ToArray()).ShouldBe([new[] { 1f, 0f }, new[] { 3f, 1f }]);
        embeddings.Usage!.InputTokenCount.ShouldBe(3);
    }
}

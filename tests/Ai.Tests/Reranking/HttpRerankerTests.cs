using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceHelper.Ai.Reranking;

namespace VoiceHelper.Ai.Tests.Reranking;

public sealed class HttpRerankerTests
{
    [Fact]
    public async Task It_speaks_the_rerank_protocol_and_returns_the_servers_order()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        JsonElement? received = null;
        app.MapPost("/v1/rerank", async (HttpContext http) =>
        {
            received = (await JsonDocument.ParseAsync(http.Request.Body)).RootElement.Clone();
            await http.Response.WriteAsJsonAsync(new { results = new[] { new { index = 1, relevance_score = 0.9 }, new { index = 0, relevance_score = 0.2 } } });
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient();
        var reranker = new HttpReranker(http, Options.Create(new RerankingOptions { Endpoint = new Uri(address + "/v1"), Model = "bge-reranker" }));

        var ranked = await reranker.RerankAsync("reset password", ["a", "b"], 2, TestContext.Current.CancellationToken);

        ranked.Select(r => r.Index).ShouldBe([1, 0]);
        received!.Value.GetProperty("top_n").GetInt32().ShouldBe(2);
        received.Value.GetProperty("model").GetString().ShouldBe("bge-reranker");
    }
}

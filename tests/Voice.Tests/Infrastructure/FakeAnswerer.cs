using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceHelper.Voice.Tests.Infrastructure;

/// <summary>
/// Stands in for the Assistant (the chat model cannot run here) behind a real Conversations: it speaks the
/// documented <c>POST /api/v1/rag/query</c> stream (refs, token, end) and answers with three sentences that name
/// the question, word by word, <see cref="TokenDelay"/> apart.
/// </summary>
public sealed class FakeAnswerer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeAnswerer(WebApplication app) => this.app = app;

    public TimeSpan TokenDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The knowledge bases each question was asked over, in arrival order.</summary>
    public ConcurrentQueue<Guid[]> KbIdsAsked { get; } = new();

    public Uri Address => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static string AnswerFor(string query) =>
        $"You asked about {query.Trim().TrimEnd('?', '.')}. The warranty lasts two years from the date of purchase and covers parts and labour. " +
        "To make a claim, open the support page, choose warranty, and attach a photo of the receipt.";

    public static async Task<FakeAnswerer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeAnswerer(app);
        app.MapPost("/api/v1/rag/query", fake.AnswerAsync);
        await app.StartAsync();
        return fake;
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var body = (await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted)).RootElement;
        var answer = AnswerFor(body.GetProperty("query").GetString()!);
        KbIdsAsked.Enqueue(body.TryGetProperty("kb_ids", out var kbIds) && kbIds.ValueKind == JsonValueKind.Array ? [.. kbIds.EnumerateArray().Select(k => k.GetGuid())] : []);
        var sources = new[] { new { chunk_id = "c-1", document_id = "d-1", title = "Warranty", score = 0.9, text = "Two years." } };
        var metrics = new { retrieval_latency = 1.0, generation_latency = 2.0, total_latency = 3.0, tokens_used = 42, cost_usd = 0.0, cache_hit = false };
        if (!body.GetProperty("stream").GetBoolean())
        {
            await http.Response.WriteAsJsonAsync(new { answer, sources, metrics, model = "fake-model" });
            return;
        }
        http.Response.ContentType = "text/event-stream";
        await WriteAsync(http, "refs", new { sources });
        var words = answer.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            await Task.Delay(TokenDelay, http.RequestAborted);
            await WriteAsync(http, "token", new { delta = (i == 0 ? "" : " ") + words[i] });
        }
        await WriteAsync(http, "end", new { answer, sources, metrics, model = "fake-model" });
    }

    private static async Task WriteAsync(HttpContext http, string name, object data)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

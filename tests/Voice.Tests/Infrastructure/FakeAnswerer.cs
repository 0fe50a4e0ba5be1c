using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceHelper.Contracts.Api;

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

    /// <summary>The wire format every service uses (ServiceDefaults): snake_case names and enum values.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

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
        var sources = new List<RagSource> { new(1, Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.Empty, "Warranty", null, null, 0, 0.9, "Two years.", true) };
        var final = new RagAnswer(answer, sources, new RagMetrics(0, 1.0, 0, 2.0, 0, 3.0, 42, 0, false, false), [],
            new RagQueryClassification(RagQueryType.Factual, RagQueryComplexity.Simple, "en", 0.7, false), "fake-model", false);
        if (!body.GetProperty("stream").GetBoolean())
        {
            await http.Response.WriteAsJsonAsync(final, Json, http.RequestAborted);
            return;
        }
        http.Response.ContentType = "text/event-stream";
        await WriteAsync(http, RagStreamEvents.Refs, new RagRefs(sources));
        var words = answer.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            await Task.Delay(TokenDelay, http.RequestAborted);
            await WriteAsync(http, RagStreamEvents.Token, new RagToken((i == 0 ? "" : " ") + words[i]));
        }
        await WriteAsync(http, RagStreamEvents.End, final);
    }

    private static async Task WriteAsync<T>(HttpContext http, string name, T data)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

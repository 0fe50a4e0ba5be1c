using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceHelper.Conversations.Tests.Infrastructure;

/// <summary>
/// A loopback HTTP server speaking the Assistant's documented <c>POST /api/v1/rag/query</c> contract, JSON and
/// server-sent events (refs, token, end). It answers "Answer to: {query}" word by word and records every call.
/// </summary>
public sealed class FakeAssistant : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private FakeAssistant(WebApplication app) => _app = app;

    public int Calls => Volatile.Read(ref _calls);
    public ConcurrentQueue<JsonElement> Bodies { get; } = new();
    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>Streamed tokens after which the stream stalls until the caller goes away (null: never).</summary>
    public int? StallAfterTokens { get; set; }
    public TimeSpan TokenDelay { get; set; } = TimeSpan.Zero;
    public TimeSpan AnswerDelay { get; set; } = TimeSpan.Zero;
    public bool Fail { get; set; }

    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static string AnswerFor(string query) => $"Answer to: {query}";

    public static async Task<FakeAssistant> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeAssistant(app);
        app.MapPost("/api/v1/rag/query", fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    private async Task HandleAsync(HttpContext http)
    {
        Interlocked.Increment(ref _calls);
        var body = (await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted)).RootElement.Clone();
        Bodies.Enqueue(body);
        Authorizations.Enqueue(http.Request.Headers.Authorization.ToString());
        if (Fail)
        {
            http.Response.StatusCode = 503;
            return;
        }
        await Task.Delay(AnswerDelay, http.RequestAborted);
        var query = body.GetProperty("query").GetString()!;
        var answer = AnswerFor(query);
        var sources = new[] { new { chunk_id = "c-1", document_id = "d-1", title = "Manual", score = 0.9, text = "From the manual." } };
        var metrics = new { retrieval_latency = 1.0, generation_latency = 2.0, total_latency = 3.0, tokens_used = 42, cost_usd = 0.0, cache_hit = true };
        if (!body.GetProperty("stream").GetBoolean())
        {
            await http.Response.WriteAsJsonAsync(new { answer, sources, metrics, features_used = Array.Empty<string>(), model = "fake-model", fallback_used = false });
            return;
        }
        http.Response.ContentType = "text/event-stream";
        await Write(http, "refs", new { sources });
        var words = answer.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (StallAfterTokens == i)
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
            }
            await Task.Delay(TokenDelay, http.RequestAborted);
            await Write(http, "token", new { delta = (i == 0 ? "" : " ") + words[i] });
        }
        await Write(http, "end", new { answer, sources, metrics, model = "fake-model" });
    }

    private static async Task Write(HttpContext http, string name, object data)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

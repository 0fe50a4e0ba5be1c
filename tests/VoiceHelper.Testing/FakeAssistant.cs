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

namespace VoiceHelper.Testing;

/// <summary>
/// Stands in for the Assistant (the chat model cannot run here): a loopback HTTP server speaking its documented
/// <c>POST /api/v1/rag/query</c> contract, JSON and server-sent events (refs, token, end), written from the records in
/// Features/Contracts. It answers with <c>answer(query)</c> (default <see cref="AnswerFor"/>) word by word, citing one
/// source, and records every call.
/// </summary>
public sealed class FakeAssistant : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<string, string> _answer;
    private readonly RagSource _source;
    private int _calls;

    private FakeAssistant(WebApplication app, Func<string, string> answer, RagSource source) => (_app, _answer, _source) = (app, answer, source);

    public int Calls => Volatile.Read(ref _calls);
    public ConcurrentQueue<JsonElement> Bodies { get; } = new();
    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>The knowledge bases each question was asked over, in arrival order.</summary>
    public IEnumerable<Guid[]> KbIdsAsked => Bodies.Select(body =>
        body.TryGetProperty("kb_ids", out var ids) && ids.ValueKind == JsonValueKind.Array ? ids.EnumerateArray().Select(id => id.GetGuid()).ToArray() : []);

    /// <summary>Streamed tokens after which the stream stalls until the caller goes away (null: never).</summary>
    public int? StallAfterTokens { get; set; }
    public TimeSpan TokenDelay { get; set; } = TimeSpan.Zero;
    public TimeSpan AnswerDelay { get; set; } = TimeSpan.Zero;
    public bool Fail { get; set; }

    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static readonly Guid DocumentId = Guid.Parse("0195b2a0-0000-7000-8000-000000000001");
    public static readonly Guid ChunkId = Guid.Parse("0195b2a0-0000-7000-8000-000000000002");

    /// <summary>The wire format every service uses (ServiceDefaults): snake_case names and enum values.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string AnswerFor(string query) => $"Answer to: {query}";

    /// <summary>Starts the fake on a free loopback port; every answer cites one source with this title and text.</summary>
    public static async Task<FakeAssistant> StartAsync(Func<string, string>? answer = null, string sourceTitle = "Manual", string sourceText = "From the manual.")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeAssistant(app, answer ?? AnswerFor,
            new RagSource(1, DocumentId, ChunkId, Guid.Empty, sourceTitle, null, null, 0, 0.9, sourceText, true));
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
        var answer = _answer(query);
        var sources = new List<RagSource> { _source };
        var metrics = new RagMetrics(0, 1.0, 0, 2.0, 0, 3.0, 42, 0, true, false);
        var final = new RagAnswer(answer, sources, metrics, [], new RagQueryClassification(RagQueryType.Factual, RagQueryComplexity.Simple, "en", 0.7, false),
            "fake-model", false);
        if (!body.GetProperty("stream").GetBoolean())
        {
            await http.Response.WriteAsJsonAsync(final, Json, http.RequestAborted);
            return;
        }
        http.Response.ContentType = "text/event-stream";
        await Write(http, RagStreamEvents.Refs, new RagRefs(sources));
        var words = answer.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (StallAfterTokens == i)
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
            }
            await Task.Delay(TokenDelay, http.RequestAborted);
            await Write(http, RagStreamEvents.Token, new RagToken((i == 0 ? "" : " ") + words[i]));
        }
        await Write(http, RagStreamEvents.End, final);
    }

    private static async Task Write<T>(HttpContext http, string name, T data)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

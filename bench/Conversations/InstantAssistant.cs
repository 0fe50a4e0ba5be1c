using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace VoiceHelper.Conversations.Bench;

/// <summary>
/// Speaks the Assistant's /api/v1/rag/query contract and answers at once with a canned grounded answer, and
/// records how long it held each request, so the bench can subtract answer generation from a turn.
/// </summary>
internal sealed class InstantAssistant : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InstantAssistant(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, double> ServerMs { get; } = new();

    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<InstantAssistant> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var assistant = new InstantAssistant(app);
        app.MapPost("/api/v1/rag/query", async (HttpContext http) =>
        {
            var started = Stopwatch.GetTimestamp();
            var body = await JsonDocument.ParseAsync(http.Request.Body);
            var query = body.RootElement.GetProperty("query").GetString()!;
            await http.Response.WriteAsJsonAsync(new
            {
                answer = "You can pay by card or bank transfer [1].",
                sources = new[] { new { chunk_id = "c-1", document_id = "d-1", score = 0.9, text = "Payment methods: card, bank transfer." } },
                metrics = new { retrieval_latency = 0, generation_latency = 0, total_latency = 0, tokens_used = 30, cost_usd = 0, cache_hit = false },
                model = "instant",
            });
            assistant.ServerMs[query] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        });
        await app.StartAsync();
        return assistant;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

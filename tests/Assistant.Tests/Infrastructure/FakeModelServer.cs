using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceHelper.Assistant.Tests.Infrastructure;

/// <summary>
/// A model server on a loopback port speaking the OpenAI chat-completions protocol. Model "failing" answers 500,
/// model "slow" streams a long answer slowly, any other model answers <see cref="Answer"/>.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeModelServer(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    public TaskCompletionSource StreamAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Answer { get; set; } = "";

    /// <summary>What a groundedness-judge request gets; null answers it like any other request.</summary>
    public string? JudgeAnswer { get; set; }

    public static bool IsJudgeRequest(JsonElement request) =>
        request.GetProperty("messages")[0].GetProperty("content").GetString()!.Contains("groundedness judge", StringComparison.Ordinal);

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<FakeModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeModelServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1");
        return server;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var request = (await JsonDocument.ParseAsync(http.Request.Body)).RootElement.Clone();
        Requests.Enqueue(request);
        var model = request.GetProperty("model").GetString();
        if (model == "failing")
        {
            http.Response.StatusCode = 500;
            await http.Response.WriteAsJsonAsync(new { error = new { message = "boom", type = "server_error" } });
            return;
        }
        if (request.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
        {
            http.Response.ContentType = "text/event-stream";
            var words = model == "slow" ? Enumerable.Range(0, 300).Select(i => $"word{i} ").ToList() : Answer.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToList();
            try
            {
                foreach (var word in words)
                {
                    var chunk = new { id = "c1", @object = "chat.completion.chunk", created = 1_700_000_000, model, choices = new[] { new { index = 0, delta = new { content = word } } } };
                    await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n", http.RequestAborted);
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                    if (model == "slow")
                    {
                        await Task.Delay(50, http.RequestAborted);
                    }
                }
                await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted);
            }
            catch (Exception) when (http.RequestAborted.IsCancellationRequested)
            {
                StreamAborted.TrySetResult();
            }
            return;
        }
        var content = JudgeAnswer is not null && IsJudgeRequest(request) ? JudgeAnswer : Answer;
        await http.Response.WriteAsJsonAsync(new
        {
            id = "c1", @object = "chat.completion", created = 1_700_000_000, model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

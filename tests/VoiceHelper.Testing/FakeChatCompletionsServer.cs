using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceHelper.Testing;

/// <summary>
/// A model server on a loopback port that speaks two documented protocols: OpenAI's chat completions
/// (<c>/v1/chat/completions</c>, SSE when streamed) and Ollama's chat (<c>/api/chat</c>, NDJSON when streamed), with a
/// behaviour per model name: an answer, a stream, 429, 500, a hang, or malformed JSON. Shared by the provider tests
/// (Ai) and the service tests that configure a model (Assistant, Conversations).
/// </summary>
public sealed class FakeChatCompletionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeChatCompletionsServer(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, FakeBehaviour> Behaviours { get; } = new();

    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    /// <summary>The Authorization header of each model's last request (null: none sent).</summary>
    public ConcurrentDictionary<string, string?> Authorizations { get; } = new();

    /// <summary>Set when a client went away while a stream was being written.</summary>
    public TaskCompletionSource StreamAborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Answer { get; set; } = "Refunds are issued within 14 days [1].";

    /// <summary>
    /// Scripts function calling (OpenAI protocol, not streamed): given the request, the tool calls to answer with; null or
    /// none answers with <see cref="Answer"/> as usual. <see cref="ToolRounds"/> tells which turn of an agent loop a request is.
    /// </summary>
    public Func<JsonElement, IReadOnlyList<FakeToolCall>?>? ToolCalls { get; set; }

    /// <summary>How many tool-result messages a request carries: 0 on an agent's first turn.</summary>
    public static int ToolRounds(JsonElement request) =>
        request.GetProperty("messages").EnumerateArray().Count(m => m.GetProperty("role").GetString() == "tool");

    /// <summary>What a groundedness-judge request gets; null answers it like any other request.</summary>
    public string? JudgeAnswer { get; set; }

    /// <summary>The OpenAI-compatible base address (ends in /v1).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The Ollama base address (the client appends /api/chat).</summary>
    public Uri OllamaEndpoint { get; private set; } = null!;

    public static bool IsJudgeRequest(JsonElement request) =>
        request.GetProperty("messages")[0].GetProperty("content").GetString()!.Contains("groundedness judge", StringComparison.Ordinal);

    public static async Task<FakeChatCompletionsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeChatCompletionsServer(app);
        app.MapPost("/v1/chat/completions", http => server.HandleAsync(http, ollama: false));
        app.MapPost("/api/chat", http => server.HandleAsync(http, ollama: true));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address + "/v1");
        server.OllamaEndpoint = new Uri(address);
        return server;
    }

    public int CallsTo(string model) => Calls.GetValueOrDefault(model);

    private async Task HandleAsync(HttpContext http, bool ollama)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var request = body.RootElement.Clone();
        Requests.Enqueue(request);
        var model = request.GetProperty("model").GetString()!;
        Calls.AddOrUpdate(model, 1, (_, n) => n + 1);
        Authorizations[model] = http.Request.Headers.Authorization.FirstOrDefault();
        // OpenAI streams only when asked; Ollama streams unless told not to.
        var stream = request.TryGetProperty("stream", out var s) ? s.ValueKind == JsonValueKind.True : ollama;
        switch (Behaviours.GetValueOrDefault(model, FakeBehaviour.Normal))
        {
            case FakeBehaviour.TooManyRequests:
                http.Response.StatusCode = 429;
                http.Response.Headers.RetryAfter = "1";
                await http.Response.WriteAsJsonAsync(new { error = new { message = "Rate limit reached", type = "requests", code = "rate_limit_exceeded" } });
                return;
            case FakeBehaviour.ServerError:
                http.Response.StatusCode = 500;
                await http.Response.WriteAsJsonAsync(new { error = new { message = "The server had an error", type = "server_error" } });
                return;
            case FakeBehaviour.Hang:
                await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case FakeBehaviour.Malformed:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"id\": \"chatcmpl-1\", \"choices\": [ {\"message\": ");
                return;
            case FakeBehaviour.SlowStream:
                await WriteStreamAsync(http, model, TimeSpan.FromMilliseconds(100), words: 200, ollama);
                return;
        }
        if (stream)
        {
            await WriteStreamAsync(http, model, TimeSpan.Zero, words: 0, ollama);
            return;
        }
        if (!ollama && ToolCalls?.Invoke(request) is { Count: > 0 } calls)
        {
            await http.Response.WriteAsJsonAsync(new
            {
                id = "chatcmpl-3",
                @object = "chat.completion",
                created = 1_700_000_000,
                model,
                choices = new[]
                {
                    new
                    {
                        index = 0,
                        message = new
                        {
                            role = "assistant",
                            content = (string?)null,
                            tool_calls = calls.Select((c, i) => new
                            {
                                id = c.Id ?? $"call_{Calls[model]}_{i}",
                                type = "function",
                                function = new { name = c.Name, arguments = JsonSerializer.Serialize(c.Arguments) },
                            }).ToArray(),
                        },
                        finish_reason = "tool_calls",
                    },
                },
                usage = new { prompt_tokens = 42, completion_tokens = 9, total_tokens = 51 },
            });
            return;
        }
        var content = JudgeAnswer is not null && IsJudgeRequest(request) ? JudgeAnswer : Answer;
        if (ollama)
        {
            await http.Response.WriteAsJsonAsync(new
            {
                model, created_at = "2026-01-01T00:00:00Z", message = new { role = "assistant", content },
                done = true, done_reason = "stop", prompt_eval_count = 42, eval_count = 9,
            });
            return;
        }
        await http.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-1",
            @object = "chat.completion",
            created = 1_700_000_000,
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 42, completion_tokens = 9, total_tokens = 51 },
        });
    }

    private async Task WriteStreamAsync(HttpContext http, string model, TimeSpan delay, int words, bool ollama)
    {
        http.Response.ContentType = ollama ? "application/x-ndjson" : "text/event-stream";
        var pieces = words > 0
            ? Enumerable.Range(0, words).Select(i => $"word{i} ").ToList()
            : Answer.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToList();
        try
        {
            foreach (var piece in pieces)
            {
                if (ollama)
                {
                    await WriteLineAsync(http, new { model, created_at = "2026-01-01T00:00:00Z", message = new { role = "assistant", content = piece }, done = false });
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay, http.RequestAborted);
                    }
                    continue;
                }
                await WriteEventAsync(http, new
                {
                    id = "chatcmpl-2", @object = "chat.completion.chunk", created = 1_700_000_000, model,
                    choices = new[] { new { index = 0, delta = new { role = "assistant", content = piece }, finish_reason = (string?)null } },
                });
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, http.RequestAborted);
                }
            }
            if (ollama)
            {
                await WriteLineAsync(http, new
                {
                    model, created_at = "2026-01-01T00:00:00Z", message = new { role = "assistant", content = "" },
                    done = true, done_reason = "stop", prompt_eval_count = 42, eval_count = pieces.Count,
                });
                return;
            }
            await WriteEventAsync(http, new
            {
                id = "chatcmpl-2", @object = "chat.completion.chunk", created = 1_700_000_000, model,
                choices = Array.Empty<object>(),
                usage = new { prompt_tokens = 42, completion_tokens = pieces.Count, total_tokens = 42 + pieces.Count },
            });
            await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted);
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            StreamAborted.TrySetResult();
        }
    }

    private static async Task WriteLineAsync(HttpContext http, object data)
    {
        await http.Response.WriteAsync(JsonSerializer.Serialize(data) + "\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    private static async Task WriteEventAsync(HttpContext http, object data)
    {
        await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(data)}\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

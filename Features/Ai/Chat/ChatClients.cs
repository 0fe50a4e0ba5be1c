using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace VoiceHelper.Ai.Chat;

/// <summary>
/// The chat client of one configured model: the provider's own Microsoft.Extensions.AI client (OpenAI SDK's
/// <c>AsIChatClient</c>, OllamaSharp), the model's timeout, and OpenTelemetry's gen_ai spans and metrics.
/// The SDK's own retries are off: a failing model fails fast so that the fallback chain and its breaker decide.
/// </summary>
public static class ChatClients
{
    public const string TelemetrySource = "VoiceHelper.Ai";

    /// <param name="http">The HTTP client to send through (one that checks where it connects); null: the SDK's own.</param>
    public static IChatClient Create(ChatModelOptions model, HttpClient? http = null)
    {
        var name = model.Model ?? model.Id;
        var ollama = model.Endpoint ?? new Uri("http://127.0.0.1:11434");
        IChatClient provider = model.Provider switch
        {
            ChatProvider.OpenAiCompatible => OpenAi(model.Endpoint, model.ApiKey, model.Timeout, http).GetChatClient(name).AsIChatClient(),
            ChatProvider.Ollama when http is not null => new OllamaApiClient(Based(http, ollama), name),
            ChatProvider.Ollama => new OllamaApiClient(ollama, name),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model.Provider, "Only model servers have a chat client here."),
        };
        return new ChatClientBuilder(provider)
            .Use(inner => new ModelTimeoutChatClient(inner, model.Id, model.Timeout))
            .UseOpenTelemetry(sourceName: TelemetrySource)
            .Build();
    }

    /// <summary>An OpenAI SDK client for <paramref name="endpoint"/> (null: OpenAI itself) that never retries on its own.</summary>
    public static OpenAIClient OpenAi(Uri? endpoint, string? apiKey, TimeSpan? timeout = null, HttpClient? http = null)
    {
        var options = new OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(maxRetries: 0) };
        if (http is not null)
        {
            options.Transport = new HttpClientPipelineTransport(http);
        }
        if (endpoint is not null)
        {
            options.Endpoint = endpoint;
        }
        if (timeout is { } networkTimeout)
        {
            options.NetworkTimeout = networkTimeout;
        }
        // Local servers (Ollama, vLLM) ignore the key but the SDK requires one.
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "unused" : apiKey), options);
    }

    private static HttpClient Based(HttpClient http, Uri address)
    {
        http.BaseAddress = address;
        return http;
    }
}

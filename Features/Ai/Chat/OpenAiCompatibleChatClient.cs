using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace VoiceHelper.Ai.Chat;

/// <summary>
/// Any OpenAI-compatible chat-completions endpoint (OpenAI, Ollama's /v1, vLLM, llama.cpp server) through the
/// OpenAI SDK. The SDK's own retries are off: a failing model should fail fast so that the fallback chain and the
/// circuit breaker decide what happens next. A timeout surfaces as <see cref="TimeoutException"/>, distinct from the
/// caller cancelling.
/// </summary>
public sealed class OpenAiCompatibleChatClient : IChatClient
{
    private readonly ChatClient _client;
    private readonly ChatModelOptions _model;

    public OpenAiCompatibleChatClient(ChatModelOptions model)
    {
        _model = model;
        var options = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = model.Timeout,
        };
        if (model.Endpoint is not null)
        {
            options.Endpoint = model.Endpoint;
        }
        _client = new ChatClient(model.Model ?? model.Id, new ApiKeyCredential(model.ApiKey), options);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_model.Timeout);
        try
        {
            var result = await _client.CompleteChatAsync(Convert(messages), Convert(options), timeout.Token);
            var completion = result.Value;
            var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
            {
                ModelId = completion.Model,
                ResponseId = completion.Id,
                FinishReason = completion.FinishReason == OpenAI.Chat.ChatFinishReason.Length ? Microsoft.Extensions.AI.ChatFinishReason.Length : Microsoft.Extensions.AI.ChatFinishReason.Stop,
                Usage = Convert(completion.Usage),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Model {_model.Id} did not answer within {_model.Timeout.TotalSeconds:0.#} s.");
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        Microsoft.Extensions.AI.ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_model.Timeout);
        var updates = _client.CompleteChatStreamingAsync(Convert(messages), Convert(options), timeout.Token);
        await using var enumerator = updates.GetAsyncEnumerator(timeout.Token);
        while (true)
        {
            StreamingChatCompletionUpdate update;
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
                update = enumerator.Current;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Model {_model.Id} stopped streaming for {_model.Timeout.TotalSeconds:0.#} s.");
            }
            // The timeout is per delta: a long answer that keeps streaming is healthy.
            timeout.CancelAfter(_model.Timeout);
            var text = string.Concat(update.ContentUpdate.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            var converted = new ChatResponseUpdate(ChatRole.Assistant, text) { ModelId = update.Model, ResponseId = update.CompletionId };
            if (update.Usage is { } usage)
            {
                converted.Contents.Add(new UsageContent(Convert(usage)!));
            }
            yield return converted;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static List<OpenAI.Chat.ChatMessage> Convert(IEnumerable<ChatMessage> messages) =>
        messages.Select(m => m.Role == ChatRole.System ? (OpenAI.Chat.ChatMessage)new SystemChatMessage(m.Text)
            : m.Role == ChatRole.Assistant ? new AssistantChatMessage(m.Text)
            : new UserChatMessage(m.Text)).ToList();

    private static ChatCompletionOptions Convert(Microsoft.Extensions.AI.ChatOptions? options) => new()
    {
        Temperature = options?.Temperature,
        MaxOutputTokenCount = options?.MaxOutputTokens,
    };

    private static UsageDetails? Convert(ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
    };
}

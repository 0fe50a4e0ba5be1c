using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace VoiceHelper.Ai.Chat;

/// <summary>
/// Bounds how long a model may take: the whole answer, or streamed, each next delta (a long answer that keeps
/// streaming is healthy). Running out is a <see cref="TimeoutException"/>, distinct from the caller cancelling. A
/// stream that a provider ends quietly on cancellation (OllamaSharp does) still ends in an exception, never as a
/// complete answer.
/// </summary>
public sealed class ModelTimeoutChatClient(IChatClient inner, string modelId, TimeSpan timeout) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await base.GetResponseAsync(messages, options, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Model {modelId} did not answer within {timeout.TotalSeconds:0.#} s.");
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        await using var updates = base.GetStreamingResponseAsync(messages, options, deadline.Token).GetAsyncEnumerator(deadline.Token);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    deadline.Token.ThrowIfCancellationRequested();
                    yield break;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Model {modelId} stopped streaming for {timeout.TotalSeconds:0.#} s.");
            }
            deadline.CancelAfter(timeout);
            yield return updates.Current;
        }
    }
}

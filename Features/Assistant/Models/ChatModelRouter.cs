using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using VoiceHelper.Ai.Text;

namespace VoiceHelper.Assistant.Models;

/// <summary>
/// Sends a prompt down the fallback chain: a model whose breaker is open is skipped, a model that fails or times out
/// is recorded and the next one is asked; the extractive answerer at the end cannot be down. A caller that goes away
/// cancels the model call and is not counted against the model.
/// </summary>
public sealed class ChatModelRouter(ChatModelCatalog catalog, ILogger<ChatModelRouter> logger, ModelHealth? health = null)
{
    /// <summary>The first model's complete answer.</summary>
    public Task<RoutedAnswer> AnswerAsync(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken, ChatOptions? options = null) =>
        AnswerAsync(catalog.Chain, messages, options, cancellationToken);

    /// <summary>The complete answer of the first model of <paramref name="chain"/> (a routing decision) that answers.</summary>
    public async Task<RoutedAnswer> AnswerAsync(IReadOnlyList<ChatModel> chain, IReadOnlyList<ChatMessage> messages, ChatOptions? options,
        CancellationToken cancellationToken)
    {
        await foreach (var update in StreamAsync(chain, messages, options, streamed: false, cancellationToken))
        {
            if (update.Answer is { } answer)
            {
                return answer;
            }
        }
        throw new InvalidOperationException("The fallback chain ended without an answer.");
    }

    /// <summary>
    /// The answer's deltas as the model produces them, then the complete answer (<see cref="RoutedUpdate.Answer"/>). If a
    /// model fails part-way the next one starts over: the complete answer, not the concatenated deltas, is authoritative.
    /// </summary>
    public IAsyncEnumerable<RoutedUpdate> StreamAsync(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken, ChatOptions? options = null) =>
        StreamAsync(catalog.Chain, messages, options, streamed: true, cancellationToken);

    /// <summary>The streamed answer down <paramref name="chain"/> (a routing decision).</summary>
    public IAsyncEnumerable<RoutedUpdate> StreamAsync(IReadOnlyList<ChatModel> chain, IReadOnlyList<ChatMessage> messages, ChatOptions? options,
        CancellationToken cancellationToken) =>
        StreamAsync(chain, messages, options, streamed: true, cancellationToken);

    private async IAsyncEnumerable<RoutedUpdate> StreamAsync(IReadOnlyList<ChatModel> chain, IReadOnlyList<ChatMessage> messages, ChatOptions? options,
        bool streamed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var failures = new List<ModelFailure>();
        for (var i = 0; i < chain.Count; i++)
        {
            var model = chain[i];
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var last = i == chain.Count - 1;
            var text = new StringBuilder();
            UsageDetails? usage = null;
            Exception? failure = null;
            await using (var updates = Updates(model, messages, options, streamed, cancellationToken).GetAsyncEnumerator(cancellationToken))
            {
                while (true)
                {
                    // A failure is caught around MoveNextAsync alone: C# allows no yield inside a try with a catch.
                    try
                    {
                        if (!await updates.MoveNextAsync())
                        {
                            break;
                        }
                    }
                    catch (Exception exception) when (!last && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
                    {
                        failure = exception;
                        break;
                    }
                    var update = updates.Current;
                    usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                    if (update.Text is { Length: > 0 } delta)
                    {
                        text.Append(delta);
                        if (streamed)
                        {
                            yield return new RoutedUpdate(delta, null);
                        }
                    }
                }
            }
            if (failure is not null)
            {
                var reason = ModelFailure.ReasonOf(failure);
                failures.Add(new ModelFailure(model.Id, reason, failure.Message));
                health?.Failed(model.HealthKey, reason);
                logger.LogWarning("Model {Model} did not answer ({Reason}: {Error}); trying the next one", model.Id, reason, failure.Message);
                continue;
            }
            health?.Succeeded(model.HealthKey, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var answer = text.ToString();
            var input = usage?.InputTokenCount ?? messages.Sum(m => TokenEstimate.Count(m.Text));
            var output = usage?.OutputTokenCount ?? TokenEstimate.Count(answer);
            yield return new RoutedUpdate(null, new RoutedAnswer(answer, model, failures.Count > 0, input, output, failures));
            yield break;
        }
        throw new InvalidOperationException("The fallback chain ended without an answer.");
    }

    /// <summary>A whole answer arrives as one update, so that both ways share the fallback loop.</summary>
    private static async IAsyncEnumerable<ChatResponseUpdate> Updates(ChatModel model, IReadOnlyList<ChatMessage> messages, ChatOptions? options,
        bool streamed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (streamed)
        {
            await foreach (var update in model.Client.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                yield return update;
            }
            yield break;
        }
        var response = await model.Client.GetResponseAsync(messages, options, cancellationToken);
        var whole = new ChatResponseUpdate(ChatRole.Assistant, response.Text);
        if (response.Usage is { } usage)
        {
            whole.Contents.Add(new UsageContent(usage));
        }
        yield return whole;
    }
}

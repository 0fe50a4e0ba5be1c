using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace VoiceHelper.Ai.Chat;

/// <summary>
/// Sends a prompt down the fallback chain: a model whose breaker is open is skipped, a model that fails or times out
/// is recorded and the next one is asked; the extractive answerer at the end cannot be down. A caller that goes away
/// cancels the model call and is not counted against the model.
/// </summary>
public sealed class ChatModelRouter(ChatModelCatalog catalog, ILogger<ChatModelRouter> logger)
{
    /// <summary>
    /// Returns the first model's complete answer. With <paramref name="onDelta"/> the answer is streamed; if a model
    /// fails part-way the next one starts over, and the returned text (not the deltas) is authoritative.
    /// </summary>
    public async Task<RoutedAnswer> AnswerAsync(IReadOnlyList<ChatMessage> messages, Func<string, ValueTask>? onDelta,
        CancellationToken cancellationToken, ChatOptions? options = null)
    {
        var failures = new List<ModelFailure>();
        var chain = catalog.Chain;
        for (var i = 0; i < chain.Count; i++)
        {
            var model = chain[i];
            var last = i == chain.Count - 1;
            if (!last && !model.Breaker.TryAcquire())
            {
                failures.Add(new ModelFailure(model.Id, "circuit_open", null));
                continue;
            }
            try
            {
                var (text, usage) = onDelta is null
                    ? await CompleteAsync(model, messages, options, cancellationToken)
                    : await StreamAsync(model, messages, options, onDelta, cancellationToken);
                model.Breaker.RecordSuccess();
                var input = usage?.InputTokenCount ?? messages.Sum(m => TokenEstimate.Count(m.Text));
                var output = usage?.OutputTokenCount ?? TokenEstimate.Count(text);
                return new RoutedAnswer(text, model, failures.Count > 0, input, output, failures);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                model.Breaker.RecordAbandoned();
                throw;
            }
            catch (Exception exception) when (!last)
            {
                model.Breaker.RecordFailure();
                var reason = exception is TimeoutException ? "timeout" : "error";
                failures.Add(new ModelFailure(model.Id, reason, exception.Message));
                logger.LogWarning("Model {Model} failed ({Reason}: {Error}); trying the next one", model.Id, reason, exception.Message);
            }
        }
        throw new InvalidOperationException("The fallback chain ended without an answer.");
    }

    private static async Task<(string, UsageDetails?)> CompleteAsync(ChatModel model, IReadOnlyList<ChatMessage> messages,
        ChatOptions? options, CancellationToken cancellationToken)
    {
        var response = await model.Client.GetResponseAsync(messages, options, cancellationToken);
        return (response.Text, response.Usage);
    }

    private static async Task<(string, UsageDetails?)> StreamAsync(ChatModel model, IReadOnlyList<ChatMessage> messages,
        ChatOptions? options, Func<string, ValueTask> onDelta, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        UsageDetails? usage = null;
        await foreach (var update in model.Client.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
            var delta = update.Text;
            if (delta.Length > 0)
            {
                text.Append(delta);
                await onDelta(delta);
            }
        }
        return (text.ToString(), usage);
    }
}

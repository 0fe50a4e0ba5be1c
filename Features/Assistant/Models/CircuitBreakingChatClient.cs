using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;

namespace VoiceHelper.Assistant.Models;

/// <summary>
/// One model's circuit breaker (Polly): opens when failures reach <see cref="CircuitBreakerStrategyOptions.FailureRatio"/>
/// of the calls in the sampling window, refuses calls while open (<see cref="BrokenCircuitException"/>, so the router
/// skips the model), then lets one probe through (half-open) whose outcome closes or re-opens it. A caller that cancels
/// is not a failure of the model.
/// </summary>
public sealed class CircuitBreakingChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;
    private readonly CircuitBreakerStateProvider _state = new();

    public CircuitBreakingChatClient(IChatClient inner, CircuitBreakerStrategyOptions settings, TimeProvider clock) : base(inner) =>
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,
                StateProvider = _state,
            })
            .Build();

    public CircuitState State => _state.CircuitState;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        await _pipeline.ExecuteAsync(async ct => await base.GetResponseAsync(messages, options, ct), cancellationToken);

    /// <summary>
    /// A stream is one call whose outcome is known only at its end, so one breaker execution spans it: the execution
    /// starts (or is refused) before the first update and ends with the stream's last update, its failure, or the
    /// caller letting go.
    /// </summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var admitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var execution = _pipeline.ExecuteAsync(async _ =>
        {
            admitted.SetResult();
            if (await ended.Task is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
        }, CancellationToken.None).AsTask();
        if (await Task.WhenAny(admitted.Task, execution) == execution)
        {
            await execution; // refused: the circuit is open
        }
        try
        {
            await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (Exception exception)
                {
                    ended.TrySetResult(exception);
                    throw;
                }
                yield return updates.Current;
            }
        }
        finally
        {
            ended.TrySetResult(null);
            // The failure was rethrown to the caller above; here it only had to reach the breaker.
            await execution.ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }
}

using Microsoft.Extensions.AI;
using Polly.CircuitBreaker;
using VoiceHelper.Ai.Chat;
using VoiceHelper.Testing;
using VoiceHelper.Assistant.Models;

namespace VoiceHelper.Assistant.Tests.Models;

public sealed class CircuitBreakingChatClientTests : IAsyncLifetime
{
    private FakeChatCompletionsServer _server = null!;
    private readonly ManualClock _clock = new();

    public async ValueTask InitializeAsync() => _server = await FakeChatCompletionsServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CircuitBreakingChatClient Client(string model, int throughput = 2) => new(
        ChatClients.Create(new ChatModelOptions { Id = model, Endpoint = _server.Endpoint, Timeout = TimeSpan.FromSeconds(5) }),
        new CircuitBreakerStrategyOptions { FailureRatio = 0.5, MinimumThroughput = throughput, BreakDuration = TimeSpan.FromSeconds(10) },
        _clock);

    private static List<ChatMessage> Prompt() => [new(ChatRole.User, "Hello")];

    [Fact]
    public async Task A_high_failure_rate_opens_the_circuit_even_without_consecutive_failures_and_the_model_is_not_called_while_open()
    {
        var client = Client("m", throughput: 4);
        foreach (var behaviour in new[] { FakeBehaviour.Normal, FakeBehaviour.ServerError, FakeBehaviour.Normal, FakeBehaviour.ServerError })
        {
            _server.Behaviours["m"] = behaviour;
            try
            {
                await client.GetResponseAsync(Prompt(), cancellationToken: Ct);
            }
            catch (Exception ex) when (ex is not BrokenCircuitException)
            {
            }
        }

        client.State.ShouldBe(CircuitState.Open);
        await Should.ThrowAsync<BrokenCircuitException>(() => client.GetResponseAsync(Prompt(), cancellationToken: Ct));
        _server.CallsTo("m").ShouldBe(4);
    }

    [Fact]
    public async Task Failures_below_the_threshold_keep_it_closed()
    {
        var client = Client("m", throughput: 4);
        _server.Behaviours["m"] = FakeBehaviour.ServerError;
        await Should.ThrowAsync<Exception>(() => client.GetResponseAsync(Prompt(), cancellationToken: Ct));
        _server.Behaviours["m"] = FakeBehaviour.Normal;
        await client.GetResponseAsync(Prompt(), cancellationToken: Ct);
        await client.GetResponseAsync(Prompt(), cancellationToken: Ct);

        client.State.ShouldBe(CircuitState.Closed);
    }

    [Fact]
    public async Task A_stream_that_fails_counts_and_after_the_break_one_probe_goes_through_whose_outcome_closes_or_reopens_it()
    {
        var client = Client("m");
        _server.Behaviours["m"] = FakeBehaviour.ServerError;
        for (var i = 0; i < 2; i++)
        {
            await Should.ThrowAsync<Exception>(async () => await client.GetStreamingResponseAsync(Prompt(), cancellationToken: Ct).ToListAsync(Ct));
        }
        client.State.ShouldBe(CircuitState.Open);
        await Should.ThrowAsync<BrokenCircuitException>(async () => await client.GetStreamingResponseAsync(Prompt(), cancellationToken: Ct).ToListAsync(Ct));

        _clock.Advance(TimeSpan.FromSeconds(10));
        _server.Behaviours["m"] = FakeBehaviour.SlowStream;
        await using (var probe = client.GetStreamingResponseAsync(Prompt(), cancellationToken: Ct).GetAsyncEnumerator(Ct))
        {
            (await probe.MoveNextAsync()).ShouldBeTrue();
            // While the probe is in flight, everyone else is still refused.
            await Should.ThrowAsync<BrokenCircuitException>(() => client.GetResponseAsync(Prompt(), cancellationToken: Ct));
        }

        client.State.ShouldBe(CircuitState.Closed);

        _server.Behaviours["m"] = FakeBehaviour.ServerError;
        for (var i = 0; i < 2; i++)
        {
            await Should.ThrowAsync<Exception>(() => client.GetResponseAsync(Prompt(), cancellationToken: Ct));
        }
        _clock.Advance(TimeSpan.FromSeconds(10));
        await Should.ThrowAsync<Exception>(() => client.GetResponseAsync(Prompt(), cancellationToken: Ct));
        client.State.ShouldBe(CircuitState.Open);
        _server.Behaviours["m"] = FakeBehaviour.Normal;
        await Should.ThrowAsync<BrokenCircuitException>(() => client.GetResponseAsync(Prompt(), cancellationToken: Ct));
    }
}

using VoiceHelper.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using VoiceHelper.Ai.Chat;
using VoiceHelper.Assistant.Grounding;
using VoiceHelper.Assistant.Models;

namespace VoiceHelper.Assistant.Tests.Models;

public sealed class ChatModelRouterTests : IAsyncLifetime
{
    private FakeChatCompletionsServer _server = null!;
    private readonly ManualClock _clock = new();

    public async ValueTask InitializeAsync() => _server = await FakeChatCompletionsServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ChatModelRouter Router(params (string Id, FakeBehaviour Behaviour)[] models)
    {
        foreach (var (id, behaviour) in models)
        {
            _server.Behaviours[id] = behaviour;
        }
        var options = new ChatModelsOptions
        {
            Models = models.Select(m => new ChatModelOptions
            {
                Id = m.Id, Endpoint = _server.Endpoint, Timeout = TimeSpan.FromSeconds(2), InputPricePer1K = 0.5m, OutputPricePer1K = 1.5m,
            }).ToList(),
            CircuitBreaker = new CircuitBreakerStrategyOptions { FailureRatio = 0.5, MinimumThroughput = 3, BreakDuration = TimeSpan.FromSeconds(30) },
        };
        Catalog = new ChatModelCatalog(Options.Create(options), _clock);
        return new ChatModelRouter(Catalog, NullLogger<ChatModelRouter>.Instance);
    }

    private ChatModelCatalog Catalog { get; set; } = null!;

    private static List<Microsoft.Extensions.AI.ChatMessage> Prompt() =>
        GroundedPrompt.Build("How long do refunds take?", [new GroundedSource(1, "Refunds", "Refunds are issued within 14 days.")], strict: false);

    [Fact]
    public async Task The_primary_answers_when_it_is_healthy_and_its_cost_comes_from_the_catalog_prices()
    {
        var answer = await Router(("primary", FakeBehaviour.Normal), ("secondary", FakeBehaviour.Normal)).AnswerAsync(Prompt(), Ct);

        answer.Model.Id.ShouldBe("primary");
        answer.FallbackUsed.ShouldBeFalse();
        answer.CostUsd.ShouldBe((42 * 0.5m + 9 * 1.5m) / 1000m);
        _server.CallsTo("secondary").ShouldBe(0);
    }

    [Theory]
    [InlineData(FakeBehaviour.ServerError, "error")]
    [InlineData(FakeBehaviour.TooManyRequests, "error")]
    [InlineData(FakeBehaviour.Hang, "timeout")]
    [InlineData(FakeBehaviour.Malformed, "error")]
    public async Task A_failing_primary_falls_back_to_the_next_model(FakeBehaviour failure, string reason)
    {
        var answer = await Router(("primary", failure), ("secondary", FakeBehaviour.Normal)).AnswerAsync(Prompt(), Ct);

        answer.Model.Id.ShouldBe("secondary");
        answer.FallbackUsed.ShouldBeTrue();
        answer.Text.ShouldBe(_server.Answer);
        answer.Failures.Single().ShouldBe(new ModelFailure("primary", reason, answer.Failures[0].Detail));
    }

    [Fact]
    public async Task When_every_model_is_down_the_extractive_answerer_still_answers_from_the_sources()
    {
        var answer = await Router(("primary", FakeBehaviour.ServerError), ("secondary", FakeBehaviour.Hang)).AnswerAsync(Prompt(), Ct);

        answer.Model.Id.ShouldBe(ExtractiveChatClient.ModelId);
        answer.Text.ShouldContain("14 days");
        answer.Text.ShouldContain("[1]");
    }

    [Fact]
    public async Task A_streamed_answer_falls_back_before_its_first_delta()
    {
        var updates = await Router(("primary", FakeBehaviour.ServerError), ("secondary", FakeBehaviour.Normal)).StreamAsync(Prompt(), Ct).ToListAsync(Ct);
        var deltas = updates.Where(u => u.Delta is not null).Select(u => u.Delta!).ToList();
        var answer = updates[^1].Answer!;

        answer.Model.Id.ShouldBe("secondary");
        string.Concat(deltas).ShouldBe(_server.Answer);
    }

    [Fact]
    public async Task The_breaker_opens_after_three_failures_skips_the_model_and_probes_it_once_after_the_break()
    {
        var router = Router(("primary", FakeBehaviour.ServerError), ("secondary", FakeBehaviour.Normal));
        for (var i = 0; i < 3; i++)
        {
            await router.AnswerAsync(Prompt(), Ct);
        }
        Catalog.Chain[0].Circuit.ShouldBe(CircuitState.Open);

        var skipped = await router.AnswerAsync(Prompt(), Ct);
        skipped.Failures.Single().Reason.ShouldBe("circuit_open");
        _server.CallsTo("primary").ShouldBe(3);

        _server.Behaviours["primary"] = FakeBehaviour.Normal;
        _clock.Advance(TimeSpan.FromSeconds(31));
        var probed = await router.AnswerAsync(Prompt(), Ct);
        probed.Model.Id.ShouldBe("primary");
        _server.CallsTo("primary").ShouldBe(4);
        Catalog.Chain[0].Circuit.ShouldBe(CircuitState.Closed);
    }

    [Fact]
    public async Task A_caller_that_goes_away_cancels_the_model_call_and_does_not_count_against_the_model()
    {
        var router = Router(("primary", FakeBehaviour.SlowStream));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var deltas = 0;
        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in router.StreamAsync(Prompt(), cancel.Token))
            {
                if (update.Delta is not null && ++deltas == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        await _server.StreamAborted.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        // A success and a failure now: had the cancelled call been a failure, two of three would open the breaker.
        _server.Behaviours["primary"] = FakeBehaviour.Normal;
        await router.AnswerAsync(Prompt(), Ct);
        _server.Behaviours["primary"] = FakeBehaviour.ServerError;
        await router.AnswerAsync(Prompt(), Ct);
        Catalog.Chain[0].Circuit.ShouldBe(CircuitState.Closed);
    }
}

using VoiceHelper.Ai.Chat;

namespace VoiceHelper.Ai.Tests.Chat;

public sealed class CircuitBreakerTests
{
    private readonly ManualClock _clock = new();

    private CircuitBreaker Breaker(int consecutive = 3, double rate = 0.5, int window = 10) =>
        new(new CircuitBreakerOptions { ConsecutiveFailures = consecutive, FailureRate = rate, WindowSize = window, BreakDuration = TimeSpan.FromSeconds(10) }, _clock);

    [Fact]
    public void A_high_failure_rate_opens_the_circuit_even_without_consecutive_failures()
    {
        var breaker = Breaker(consecutive: 100, rate: 0.5, window: 10);
        for (var i = 0; i < 10; i++)
        {
            if (i % 2 == 0)
            {
                breaker.RecordSuccess();
            }
            else
            {
                breaker.RecordFailure();
            }
        }

        breaker.State.ShouldBe(CircuitState.Open);
        breaker.TryAcquire().ShouldBeFalse();
    }

    [Fact]
    public void Half_open_lets_exactly_one_probe_through_and_a_failed_probe_reopens()
    {
        var breaker = Breaker(consecutive: 1);
        breaker.RecordFailure();
        _clock.Advance(TimeSpan.FromSeconds(10));

        breaker.TryAcquire().ShouldBeTrue();
        breaker.State.ShouldBe(CircuitState.HalfOpen);
        breaker.TryAcquire().ShouldBeFalse();
        breaker.RecordFailure();
        breaker.State.ShouldBe(CircuitState.Open);
        breaker.TryAcquire().ShouldBeFalse();
    }

    [Fact]
    public void Failures_below_the_thresholds_keep_it_closed()
    {
        var breaker = Breaker(consecutive: 3, window: 10);
        breaker.RecordFailure();
        breaker.RecordFailure();
        breaker.RecordSuccess();
        breaker.RecordFailure();

        breaker.State.ShouldBe(CircuitState.Closed);
        breaker.TryAcquire().ShouldBeTrue();
    }
}

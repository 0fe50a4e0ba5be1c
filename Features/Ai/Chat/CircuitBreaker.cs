namespace VoiceHelper.Ai.Chat;

/// <summary>
/// One model's breaker: opens after consecutive failures or a high failure rate, refuses calls while open, then
/// lets exactly one probe through (half-open); the probe's outcome closes or re-opens it.
/// </summary>
public sealed class CircuitBreaker(CircuitBreakerOptions options, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Queue<bool> _window = new();
    private int _consecutiveFailures;
    private DateTimeOffset _openUntil;
    private bool _probeInFlight;

    public CircuitState State { get; private set; } = CircuitState.Closed;

    public int ConsecutiveFailures
    {
        get
        {
            lock (_gate)
            {
                return _consecutiveFailures;
            }
        }
    }

    /// <summary>Whether a call may go to the model now; in half-open state only the first caller gets true.</summary>
    public bool TryAcquire()
    {
        lock (_gate)
        {
            if (State == CircuitState.Open && clock.GetUtcNow() >= _openUntil)
            {
                State = CircuitState.HalfOpen;
                _probeInFlight = false;
            }
            switch (State)
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.HalfOpen when !_probeInFlight:
                    _probeInFlight = true;
                    return true;
                default:
                    return false;
            }
        }
    }

    public void RecordSuccess()
    {
        lock (_gate)
        {
            _consecutiveFailures = 0;
            Remember(true);
            if (State == CircuitState.HalfOpen)
            {
                State = CircuitState.Closed;
                _window.Clear();
            }
            _probeInFlight = false;
        }
    }

    public void RecordFailure()
    {
        lock (_gate)
        {
            _consecutiveFailures++;
            Remember(false);
            var failureRate = _window.Count >= options.WindowSize ? _window.Count(ok => !ok) / (double)_window.Count : 0;
            if (State == CircuitState.HalfOpen || _consecutiveFailures >= options.ConsecutiveFailures || failureRate >= options.FailureRate && failureRate > 0)
            {
                State = CircuitState.Open;
                _openUntil = clock.GetUtcNow() + options.BreakDuration;
            }
            _probeInFlight = false;
        }
    }

    /// <summary>A call that ended neither way (the caller went away) frees the half-open probe slot.</summary>
    public void RecordAbandoned()
    {
        lock (_gate)
        {
            _probeInFlight = false;
        }
    }

    private void Remember(bool success)
    {
        _window.Enqueue(success);
        while (_window.Count > options.WindowSize)
        {
            _window.Dequeue();
        }
    }
}

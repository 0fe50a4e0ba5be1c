using System.Collections.Concurrent;

namespace VoiceHelper.Assistant.Models;

/// <summary>
/// Each model's health from its real outcomes in this process: the last <see cref="Window"/> calls (success with its
/// latency, error, timeout). The fastest and balanced strategies read measured latency from here, never a configured
/// hint; the breaker (<see cref="CircuitBreakingChatClient"/>) decides whether a model may be called at all.
/// </summary>
public sealed class ModelHealth
{
    public const int Window = 100;

    private readonly ConcurrentDictionary<string, Outcomes> _models = new();

    public void Succeeded(string model, double latencyMs) => _models.GetOrAdd(model, _ => new Outcomes()).Add(latencyMs, null);

    /// <param name="reason"><c>timeout</c>, <c>error</c> or <c>circuit_open</c> (not the model's doing: not counted).</param>
    public void Failed(string model, string reason)
    {
        if (reason != "circuit_open")
        {
            _models.GetOrAdd(model, _ => new Outcomes()).Add(null, reason);
        }
    }

    public ModelHealthSnapshot Of(string model) => _models.TryGetValue(model, out var outcomes) ? outcomes.Snapshot() : ModelHealthSnapshot.Unknown;

    private sealed class Outcomes
    {
        private readonly (double? LatencyMs, string? Failure)[] _ring = new (double?, string?)[Window];
        private int _next;
        private int _count;
        private ModelHealthSnapshot? _cached;

        public void Add(double? latencyMs, string? failure)
        {
            lock (_ring)
            {
                _ring[_next] = (latencyMs, failure);
                _next = (_next + 1) % Window;
                _count = Math.Min(_count + 1, Window);
                _cached = null;
            }
        }

        /// <summary>Computed once per change: the router reads health on every request.</summary>
        public ModelHealthSnapshot Snapshot()
        {
            lock (_ring)
            {
                if (_cached is not null)
                {
                    return _cached;
                }
                var latencies = new List<double>(_count);
                int errors = 0, timeouts = 0;
                for (var i = 0; i < _count; i++)
                {
                    var (latency, failure) = _ring[i];
                    if (latency is { } l)
                    {
                        latencies.Add(l);
                    }
                    else if (failure == "timeout")
                    {
                        timeouts++;
                    }
                    else
                    {
                        errors++;
                    }
                }
                latencies.Sort();
                return _cached = new ModelHealthSnapshot(_count, latencies.Count == 0 ? null : Percentile(latencies, 0.5),
                    latencies.Count == 0 ? null : Percentile(latencies, 0.95), (double)(errors + timeouts) / _count, (double)timeouts / _count);
            }
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

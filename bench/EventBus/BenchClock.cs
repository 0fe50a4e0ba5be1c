using System.Collections.Concurrent;
using System.Diagnostics;

namespace VoiceHelper.EventBus.Bench;

/// <summary>When each event (by usage id) was published and first handled, in Stopwatch ticks; shared by every host.</summary>
internal sealed class BenchClock
{
    private readonly ConcurrentDictionary<Guid, long> _published = new();
    private readonly ConcurrentDictionary<Guid, long> _handled = new();
    private readonly ConcurrentDictionary<string, int> _perInstance = new();

    public int HandledCount => _handled.Count;
    public long LastHandled => _handled.Values.DefaultIfEmpty(0).Max();
    public IReadOnlyDictionary<string, int> PerInstance => _perInstance;

    public void Published(Guid id, long timestamp) => _published[id] = timestamp;

    public void Handled(Guid id, string instance)
    {
        if (_handled.TryAdd(id, Stopwatch.GetTimestamp()))
        {
            _perInstance.AddOrUpdate(instance, 1, (_, n) => n + 1);
        }
    }

    public bool WasHandled(Guid id) => _handled.ContainsKey(id);

    public List<double> LatenciesMs(IEnumerable<Guid> ids) =>
        ids.Select(id => Stopwatch.GetElapsedTime(_published[id], _handled[id]).TotalMilliseconds).Order().ToList();

    public void Reset()
    {
        _published.Clear();
        _handled.Clear();
        _perInstance.Clear();
    }
}

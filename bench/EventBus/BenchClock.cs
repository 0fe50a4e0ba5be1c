using System.Collections.Concurrent;
using System.Diagnostics;

namespace VoiceHelper.EventBus.Bench;

/// <summary>
/// Shared by the producer and both consumer hosts of one process: when each event (by usage id) was published and
/// first handled, in <see cref="Stopwatch"/> ticks, by which instance, and how many were handled twice.
/// </summary>
public sealed class BenchClock
{
    private readonly ConcurrentDictionary<Guid, long> _published = new();
    private readonly ConcurrentDictionary<Guid, long> _handled = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiting = new();
    private readonly ConcurrentDictionary<string, int> _perInstance = new();
    private int _duplicates;
    private long _lastHandled;

    public int Handled => _handled.Count;
    public int Duplicates => _duplicates;
    public long LastHandled => Interlocked.Read(ref _lastHandled);
    public IReadOnlyDictionary<string, int> PerInstance => _perInstance;

    public void Publishing(Guid id) => _published[id] = Stopwatch.GetTimestamp();

    /// <summary>Completes when the event is handled; register before publishing.</summary>
    public Task WhenHandled(Guid id) => _waiting.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Handle(Guid id, string instance)
    {
        var now = Stopwatch.GetTimestamp();
        if (!_published.ContainsKey(id))
        {
            return; // a straggler of an earlier run that hit its time bound
        }
        if (!_handled.TryAdd(id, now))
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }
        _perInstance.AddOrUpdate(instance, 1, (_, n) => n + 1);
        long last;
        while (now > (last = Interlocked.Read(ref _lastHandled)) && Interlocked.CompareExchange(ref _lastHandled, now, last) != last)
        {
        }
        if (_waiting.TryRemove(id, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>Publish-to-handle milliseconds of the given events, sorted.</summary>
    public List<double> LatenciesMs(IEnumerable<Guid> ids) =>
        ids.Select(id => Stopwatch.GetElapsedTime(_published[id], _handled[id]).TotalMilliseconds).Order().ToList();

    public void Reset()
    {
        _published.Clear();
        _handled.Clear();
        _waiting.Clear();
        _perInstance.Clear();
        _duplicates = 0;
        Interlocked.Exchange(ref _lastHandled, 0);
    }
}

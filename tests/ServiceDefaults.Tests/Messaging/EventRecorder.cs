using System.Collections.Concurrent;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

/// <summary>Shared by every host of a test, so the order of <see cref="Handled"/> is the global handling order.</summary>
public sealed class EventRecorder
{
    private readonly ConcurrentQueue<HandledEvent> _handled = new();
    private readonly ConcurrentQueue<HandledEvent> _failures = new();

    public bool Healed { get; set; }

    public IReadOnlyList<HandledEvent> Handled => _handled.ToArray();
    public IReadOnlyList<HandledEvent> Failures => _failures.ToArray();

    public void RecordHandled(HandledEvent handled) => _handled.Enqueue(handled);
    public void RecordFailure(HandledEvent failed) => _failures.Enqueue(failed);
}

using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

/// <summary>A second group's handler that accepts poison events, to show a replay is not redelivered to it.</summary>
public sealed class TolerantHandler(EventRecorder recorder, InstanceName instance) : IEventHandler<SequencedEvent>
{
    public Task HandleAsync(SequencedEvent @event, EventContext context, CancellationToken cancellationToken)
    {
        recorder.RecordHandled(new HandledEvent(instance.Value, context.Group, context.EventId, context.Envelope.Key, @event.Sequence,
            context.Attempt, context.Partition, context.Offset));
        return Task.CompletedTask;
    }
}

using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed class RecordingHandler(EventRecorder recorder, InstanceName instance) : IEventHandler<SequencedEvent>
{
    public Task HandleAsync(SequencedEvent @event, EventContext context, CancellationToken cancellationToken)
    {
        var record = new HandledEvent(instance.Value, context.Group, context.EventId, context.Envelope.Key, @event.Sequence,
            context.Attempt, context.Partition, context.Offset);
        if (@event.Poison && !recorder.Healed)
        {
            recorder.RecordFailure(record);
            throw new InvalidOperationException($"poison event {@event.Sequence} refused");
        }
        recorder.RecordHandled(record);
        return Task.CompletedTask;
    }
}

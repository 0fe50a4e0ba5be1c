using VoiceHelper.Contracts.Events;
using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.EventBus.Bench;

/// <summary>Does nothing but note the time: the bench measures the bus, not a handler.</summary>
internal sealed class BenchHandler(BenchClock clock, BenchInstance instance) : IEventHandler<UsageRecorded>
{
    public Task HandleAsync(UsageRecorded @event, EventContext context, CancellationToken cancellationToken)
    {
        clock.Handled(@event.UsageId, instance.Name);
        return Task.CompletedTask;
    }
}

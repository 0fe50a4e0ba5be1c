using VoiceHelper.Contracts.Events;

namespace VoiceHelper.EventBus.Bench;

/// <summary>Only notes the time: the bench measures the bus (outbox, transport, durable inbox), not a handler's work.</summary>
public sealed class BenchHandler
{
    public static void Handle(UsageRecorded @event, BenchClock clock, BenchInstance instance) => clock.Handle(@event.UsageId, instance.Name);
}

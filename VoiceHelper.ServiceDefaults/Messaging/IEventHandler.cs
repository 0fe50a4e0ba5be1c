using VoiceHelper.Contracts.Events;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>
/// Handles one event type for one consumer group. Delivery is at-least-once: throw to have the event retried
/// with back-off (then dead-lettered); make effects idempotent with <see cref="EventContext.TryMarkProcessedAsync(System.Data.Common.DbConnection, System.Data.Common.DbTransaction, CancellationToken)"/>.
/// Handlers are resolved from a fresh DI scope per event.
/// </summary>
public interface IEventHandler<in TEvent> where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent @event, EventContext context, CancellationToken cancellationToken);
}

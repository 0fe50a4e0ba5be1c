using VoiceHelper.Contracts.Events;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>
/// Appends events to the bus at once, outside any business transaction. For events that record a change of a
/// service's own data use <see cref="IOutbox"/>, so that a rolled-back change publishes nothing.
/// </summary>
public interface IEventPublisher
{
    /// <summary>Publishes one event; <paramref name="key"/> defaults to tenant and user, which orders one user's events.</summary>
    Task PublishAsync<TEvent>(TEvent @event, string? key = null, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent;

    /// <summary>Publishes already built envelopes in one append (used to forward, replay or inject raw events).</summary>
    Task PublishAsync(IReadOnlyList<EventEnvelope> envelopes, CancellationToken cancellationToken = default);
}

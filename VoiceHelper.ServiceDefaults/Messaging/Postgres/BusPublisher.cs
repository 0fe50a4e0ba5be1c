using VoiceHelper.Contracts.Events;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

internal sealed class BusPublisher(LogAppender appender, TimeProvider clock) : IEventPublisher
{
    public Task PublishAsync<TEvent>(TEvent @event, string? key = null, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent =>
        appender.AppendAsync([EnvelopeFactory.Create(@event, key, clock)], cancellationToken);

    public Task PublishAsync(IReadOnlyList<EventEnvelope> envelopes, CancellationToken cancellationToken = default) =>
        appender.AppendAsync(envelopes, cancellationToken);
}

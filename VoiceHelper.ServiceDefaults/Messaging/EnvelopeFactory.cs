using System.Diagnostics;
using System.Text.Json;
using VoiceHelper.Contracts.Events;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>Builds the envelope of a typed event, with the publish activity's trace context in it.</summary>
internal static class EnvelopeFactory
{
    public static EventEnvelope Create<TEvent>(TEvent @event, string? key, TimeProvider clock) where TEvent : IIntegrationEvent
    {
        var id = Guid.CreateVersion7();
        using var activity = MessagingTelemetry.StartPublish(TEvent.Topic, id);
        // Without a listener there is no publish activity; the caller's own context still links the consumer to it.
        var traceParent = activity?.Id ?? Activity.Current?.Id;
        return new EventEnvelope(
            id,
            TEvent.Topic,
            key ?? DefaultKey(@event.TenantId, @event.UserId),
            typeof(TEvent).Name,
            @event.TenantId,
            clock.GetUtcNow(),
            traceParent,
            TEvent.SchemaVersion,
            JsonSerializer.Serialize(@event, EventJson.Options));
    }

    /// <summary>Tenant plus user: one user's events stay in order while users spread over partitions.</summary>
    public static string DefaultKey(Guid tenantId, Guid? userId) =>
        userId is { } user ? $"{tenantId:N}:{user:N}" : tenantId.ToString("N");
}

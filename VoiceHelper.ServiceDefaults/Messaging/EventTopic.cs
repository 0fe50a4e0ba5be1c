using System.Reflection;
using VoiceHelper.Contracts.Events;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>Names on the wire, derived from the contracts: every transport uses the same topic names.</summary>
public static class EventTopic
{
    /// <summary>Every integration event the contracts define; each is routed to its topic by every service.</summary>
    public static IReadOnlyList<Type> AllEventTypes { get; } = typeof(IIntegrationEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>The static <c>Topic</c> of an event type (static abstract members cannot be read through the interface).</summary>
    public static string Of(Type eventType) =>
        (string)(eventType.GetProperty(nameof(IIntegrationEvent.Topic), BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new ArgumentException($"{eventType.Name} does not declare its topic.", nameof(eventType)));

    /// <summary>Tenant plus user: one user's events stay in order (one Kafka partition) while users spread over partitions.</summary>
    public static string PartitionKey(IIntegrationEvent @event) =>
        @event.UserId is { } user ? $"{@event.TenantId:N}:{user:N}" : @event.TenantId.ToString("N");
}

namespace VoiceHelper.Contracts.Events;

/// <summary>
/// An event that crosses a process boundary through the event bus. The topic is a static member so that a
/// publisher names it at compile time; tenant and user make the default partition key, which keeps one
/// user's events in order.
/// </summary>
public interface IIntegrationEvent
{
    static abstract string Topic { get; }

    /// <summary>Bumped when the payload changes incompatibly; consumers see it in the envelope.</summary>
    static virtual int SchemaVersion => 1;

    Guid TenantId { get; }

    Guid? UserId { get; }
}

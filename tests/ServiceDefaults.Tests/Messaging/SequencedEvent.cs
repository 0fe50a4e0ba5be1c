using VoiceHelper.Contracts.Events;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

/// <summary>A test event whose sequence number per key shows delivery order; a poison one makes the handler throw.</summary>
public sealed record SequencedEvent(Guid TenantId, Guid? UserId, int Sequence, bool Poison = false) : IIntegrationEvent
{
    public static string Topic => "test.sequenced";
}

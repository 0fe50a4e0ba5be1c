namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>
/// One event as it travels: the same fields a Kafka record carries (topic, key, value, headers), with the
/// payload as snake_case JSON. <see cref="TargetGroup"/> is set only on a dead letter replayed for one group.
/// </summary>
public sealed record EventEnvelope(
    Guid Id,
    string Topic,
    string Key,
    string Type,
    Guid TenantId,
    DateTimeOffset OccurredAt,
    string? TraceParent,
    int SchemaVersion,
    string Payload,
    string? TargetGroup = null);

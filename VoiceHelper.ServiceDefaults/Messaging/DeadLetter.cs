using System.Text.Json;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>An event a consumer group gave up on, with the error, as the admin endpoint lists it.</summary>
public sealed record DeadLetter(
    long Id,
    string Group,
    string Topic,
    int Partition,
    long Offset,
    Guid EventId,
    string Key,
    string Type,
    Guid TenantId,
    DateTimeOffset OccurredAt,
    int SchemaVersion,
    JsonElement Payload,
    string Error,
    int Attempts,
    DateTimeOffset DeadAt,
    DateTimeOffset? ReplayedAt);

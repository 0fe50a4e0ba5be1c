using System.Text.Json;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>An event this service gave up on after its retries, with the error, as the admin endpoint lists it.</summary>
public sealed record DeadLetter(
    Guid Id,
    string Topic,
    string MessageType,
    Guid TenantId,
    JsonElement Payload,
    string? ExceptionType,
    string? ExceptionMessage,
    DateTimeOffset? SentAt,
    bool ReplayRequested);

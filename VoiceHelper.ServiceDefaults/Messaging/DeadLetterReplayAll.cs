namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>How many of the tenant's dead letters went back to the inbox.</summary>
public sealed record DeadLetterReplayAll(int Replayed);

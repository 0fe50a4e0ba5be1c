namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed record HandledEvent(string Instance, string Group, Guid EventId, string Key, int Sequence, int Attempt, int Partition, long Offset);

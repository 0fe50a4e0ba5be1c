namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>An event read from the log, with its position.</summary>
internal sealed record StoredEvent(EventEnvelope Envelope, int Partition, long Offset);

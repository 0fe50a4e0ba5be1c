namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>
/// An event read from the log, with its position; <see cref="AlreadyProcessed"/> when the group's inbox has its id
/// (a duplicate appended by a relay that crashed between append and delete).
/// </summary>
internal sealed record StoredEvent(EventEnvelope Envelope, int Partition, long Offset, bool AlreadyProcessed = false);

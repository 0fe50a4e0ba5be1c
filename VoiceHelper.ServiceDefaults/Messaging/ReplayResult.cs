namespace VoiceHelper.ServiceDefaults.Messaging;

public enum ReplayResult
{
    Replayed,
    NotFound,
    AlreadyRequested,
}

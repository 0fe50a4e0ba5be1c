namespace VoiceHelper.Ai.Tests.Chat;

public enum FakeBehaviour
{
    Normal,
    TooManyRequests,
    ServerError,
    Hang,
    Malformed,
    SlowStream,
}

namespace VoiceHelper.Testing;

public enum FakeBehaviour
{
    Normal,
    TooManyRequests,
    ServerError,
    Hang,
    Malformed,
    SlowStream,
}

namespace VoiceHelper.Ai.Chat;

public enum CircuitState
{
    Closed,
    Open,
    HalfOpen,
}

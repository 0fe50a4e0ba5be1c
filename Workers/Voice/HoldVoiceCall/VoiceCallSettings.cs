namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>A call's effective settings, sent in <c>session.created</c> and changed by <c>session.update</c>.</summary>
public sealed record VoiceCallSettings(
    string Language,
    string Voice,
    string? Recognizer,
    float VadThreshold,
    int EndOfTurnSilenceMs,
    int MaxEndOfTurnSilenceMs,
    bool BargeIn,
    int MinBargeInMs);

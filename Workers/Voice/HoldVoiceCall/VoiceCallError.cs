namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>An <c>error</c> event's body: a stable code and what to do about it.</summary>
public sealed record VoiceCallError(string Code, string Message);

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>The next piece of the answer as the model writes it.</summary>
public sealed record QueryRagDelta(string Text) : QueryRagEvent;

namespace VoiceHelper.Voice.Common;

/// <summary>
/// A knowledge base's adaptation as the API shows it: <c>building</c> (calls use the general recogniser meanwhile),
/// <c>ready</c>, <c>failed</c> (calls use the general recogniser; <paramref name="Error"/> says why) or <c>empty</c>
/// (the knowledge base has no text left).
/// </summary>
public sealed record SpeechAdaptationStatus(string Status, DateTimeOffset? BuiltAt, IReadOnlyList<string> Terms, string? Error);

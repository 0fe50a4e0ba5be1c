namespace VoiceHelper.Voice.Common;

/// <summary>
/// A knowledge base's adaptation as the API shows it: <c>building</c> (calls use the general recogniser meanwhile),
/// <c>ready</c> or <c>failed</c> (calls use the general recogniser; <paramref name="Error"/> says why). A build that
/// finds no text (<c>empty</c>) is not kept: the knowledge base then has no adaptation (404), as an unknown one.
/// </summary>
public sealed record SpeechAdaptationStatus(string Status, DateTimeOffset? BuiltAt, IReadOnlyList<string> Terms, string? Error);

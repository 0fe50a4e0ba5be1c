namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>
/// The recogniser's view after a chunk: a partial hypothesis that may still change, or the final text
/// of an utterance that just ended (endpoint or end of input). Final text can be empty (only silence).
/// </summary>
public sealed record RecognitionResult(string Text, bool IsFinal)
{
    public static RecognitionResult Empty { get; } = new(string.Empty, false);
}

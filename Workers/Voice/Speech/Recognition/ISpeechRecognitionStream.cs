namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>
/// One session's decoding state. Calls must not overlap (a second concurrent call throws); decoding
/// runs on the speech worker threads, never on the caller's (which at most extracts features). Disposing frees the native stream.
/// </summary>
public interface ISpeechRecognitionStream : IDisposable
{
    /// <summary>Feeds finite samples at the recogniser's rate and decodes what is ready.</summary>
    Task<RecognitionResult> AcceptAsync(ReadOnlyMemory<float> samples, CancellationToken cancellationToken = default);

    /// <summary>Ends the current utterance: decodes everything buffered and returns the final text.</summary>
    Task<RecognitionResult> FinishAsync(CancellationToken cancellationToken = default);
}

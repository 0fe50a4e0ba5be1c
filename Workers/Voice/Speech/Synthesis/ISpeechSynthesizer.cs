namespace VoiceHelper.Voice.Speech.Synthesis;

/// <summary>
/// Streaming text-to-speech: sentences go in as the answer is generated, audio comes out sentence by
/// sentence, in chunks, as soon as each is produced. Another engine (a sherpa-onnx neural voice) can
/// sit behind the same interface.
/// </summary>
public interface ISpeechSynthesizer
{
    string Name { get; }

    /// <summary>Rate of the PCM16 chunks.</summary>
    int SampleRate { get; }

    IAsyncEnumerable<SynthesisChunk> SynthesizeAsync(IAsyncEnumerable<string> sentences, CancellationToken cancellationToken = default);
}

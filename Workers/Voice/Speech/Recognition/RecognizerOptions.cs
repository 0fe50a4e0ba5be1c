namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>Streaming recogniser settings (section <c>Speech:Recognizer</c>).</summary>
public sealed class RecognizerOptions
{
    public const string Section = "Speech:Recognizer";

    public RecognizerEngine Engine { get; set; } = RecognizerEngine.Auto;

    /// <summary>sherpa-onnx transducer folder; defaults from VOICEHELPER_MODELS_DIR.</summary>
    public string? ModelDirectory { get; set; }

    public string Encoder { get; set; } = "encoder.int8.onnx";

    public string Decoder { get; set; } = "decoder.onnx";

    public string Joiner { get; set; } = "joiner.int8.onnx";

    public string Tokens { get; set; } = "tokens.txt";

    /// <summary>onnxruntime threads per decode call; sessions already run in parallel, so 1.</summary>
    public int NumThreads { get; set; } = 1;

    /// <summary>Trailing silence that ends an utterance when nothing was recognised.</summary>
    public float Rule1MinTrailingSilence { get; set; } = 2.4f;

    /// <summary>Trailing silence that ends an utterance after some text.</summary>
    public float Rule2MinTrailingSilence { get; set; } = 0.8f;

    /// <summary>Utterances are cut at this length whatever the silence.</summary>
    public float Rule3MinUtteranceLength { get; set; } = 20f;

    /// <summary>Log-probability bonus per hotword token in beam search (sherpa-onnx's default is 1.5).</summary>
    public float HotwordsScore { get; set; } = 1.5f;

    /// <summary>Hypotheses kept per frame by modified beam search (the hotword decoder); sherpa-onnx's default is 4.</summary>
    public int MaxActivePaths { get; set; } = 4;

    /// <summary>Rate of the audio sessions send; both engines are 16 kHz models.</summary>
    public int SampleRate { get; set; } = 16_000;

    public RecognizerEngine ResolveEngine() => Engine switch
    {
        RecognizerEngine.Auto => string.IsNullOrWhiteSpace(ModelDirectory) ? RecognizerEngine.Pocketsphinx : RecognizerEngine.SherpaOnnx,
        _ => Engine,
    };
}

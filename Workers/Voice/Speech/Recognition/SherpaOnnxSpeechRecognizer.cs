using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Hosting;
using VoiceHelper.Voice.Speech.Native;
using VoiceHelper.Voice.Speech.Native.SherpaOnnx;

namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>
/// sherpa-onnx streaming transducer: one native recogniser (models loaded once, thread-safe) shared by
/// every session, one native stream per session, decoded in batches across sessions.
/// </summary>
public sealed class SherpaOnnxSpeechRecognizer : ISpeechRecognizer, IDisposable
{
    private readonly OnlineRecognizerHandle recognizer;
    private readonly SherpaOnnxDecodeQueue decoder;

    private readonly bool biased;

    public SherpaOnnxSpeechRecognizer(IOptions<RecognizerOptions> options, SpeechWorkPool pool)
        : this(options.Value, pool, bpeVocabulary: null)
    {
    }

    /// <summary>
    /// With <paramref name="bpeVocabulary"/> (a sentencepiece vocabulary of the model's tokens), a recogniser that
    /// decodes with modified beam search, the only method sherpa-onnx biases towards hotwords: each stream then
    /// carries its own hotwords (<see cref="WithHotwords"/>), so one recogniser serves every knowledge base.
    /// </summary>
    public SherpaOnnxSpeechRecognizer(RecognizerOptions settings, SpeechWorkPool pool, string? bpeVocabulary)
    {
        SampleRate = settings.SampleRate;
        biased = bpeVocabulary is not null;
        recognizer = Create(settings, bpeVocabulary);
        decoder = new SherpaOnnxDecodeQueue(recognizer, pool);
    }

    public string Name => biased ? "sherpa-onnx streaming transducer, beam search" : "sherpa-onnx streaming transducer";

    public int SampleRate { get; }

    public ISpeechRecognitionStream OpenStream() => new SherpaOnnxRecognitionStream(recognizer, () => CreateStream(null), decoder, SampleRate);

    /// <summary>This recogniser with streams biased towards <paramref name="hotwords"/> (one phrase a line, upper case).</summary>
    public ISpeechRecognizer WithHotwords(string hotwords) =>
        biased ? new HotwordsView(this, hotwords) : throw new InvalidOperationException("Hotwords need a recogniser created with a BPE vocabulary.");

    public void Dispose() => recognizer.Dispose();

    private OnlineStreamHandle CreateStream(string? hotwords)
    {
        var stream = hotwords is null
            ? SherpaOnnxApi.SherpaOnnxCreateOnlineStream(recognizer)
            : SherpaOnnxApi.SherpaOnnxCreateOnlineStreamWithHotwords(recognizer, hotwords);
        if (stream.IsInvalid)
        {
            stream.Dispose();
            throw new InvalidOperationException("sherpa-onnx could not create an online stream.");
        }

        return stream;
    }

    private sealed class HotwordsView(SherpaOnnxSpeechRecognizer owner, string hotwords) : ISpeechRecognizer
    {
        public string Name => owner.Name + " with hotwords";

        public int SampleRate => owner.SampleRate;

        public ISpeechRecognitionStream OpenStream() =>
            new SherpaOnnxRecognitionStream(owner.recognizer, () => owner.CreateStream(hotwords), owner.decoder, owner.SampleRate);
    }

    private static unsafe OnlineRecognizerHandle Create(RecognizerOptions settings, string? bpeVocabulary)
    {
        var directory = settings.ModelDirectory ?? throw new SpeechConfigurationException("Speech:Recognizer:ModelDirectory is not set.");
        using var strings = new NativeStrings();
        var config = new SherpaOnnxOnlineRecognizerConfig
        {
            FeatConfig = new SherpaOnnxFeatureConfig { SampleRate = 16_000, FeatureDim = 80 },
            ModelConfig = new SherpaOnnxOnlineModelConfig
            {
                Transducer = new SherpaOnnxOnlineTransducerModelConfig
                {
                    Encoder = strings.Add(Path.Combine(directory, settings.Encoder)),
                    Decoder = strings.Add(Path.Combine(directory, settings.Decoder)),
                    Joiner = strings.Add(Path.Combine(directory, settings.Joiner)),
                },
                Tokens = strings.Add(Path.Combine(directory, settings.Tokens)),
                NumThreads = settings.NumThreads,
                Provider = strings.Add("cpu"),
                ModelingUnit = bpeVocabulary is null ? IntPtr.Zero : strings.Add("bpe"),
                BpeVocab = bpeVocabulary is null ? IntPtr.Zero : strings.Add(bpeVocabulary),
            },
            DecodingMethod = strings.Add(bpeVocabulary is null ? "greedy_search" : "modified_beam_search"),
            HotwordsScore = settings.HotwordsScore,
            MaxActivePaths = settings.MaxActivePaths,
            EnableEndpoint = 1,
            Rule1MinTrailingSilence = settings.Rule1MinTrailingSilence,
            Rule2MinTrailingSilence = settings.Rule2MinTrailingSilence,
            Rule3MinUtteranceLength = settings.Rule3MinUtteranceLength,
        };
        var handle = SherpaOnnxApi.SherpaOnnxCreateOnlineRecognizer(&config);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new SpeechConfigurationException($"sherpa-onnx could not load the streaming transducer in {directory}.");
        }

        return handle;
    }
}

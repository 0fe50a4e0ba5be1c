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

    public SherpaOnnxSpeechRecognizer(IOptions<RecognizerOptions> options, SpeechWorkPool pool)
    {
        var settings = options.Value;
        SampleRate = settings.SampleRate;
        recognizer = Create(settings);
        decoder = new SherpaOnnxDecodeQueue(recognizer, pool);
    }

    public string Name => "sherpa-onnx streaming transducer";

    public int SampleRate { get; }

    public ISpeechRecognitionStream OpenStream() => new SherpaOnnxRecognitionStream(recognizer, CreateStream, decoder, SampleRate);

    public void Dispose() => recognizer.Dispose();

    private OnlineStreamHandle CreateStream()
    {
        var stream = SherpaOnnxApi.SherpaOnnxCreateOnlineStream(recognizer);
        if (stream.IsInvalid)
        {
            stream.Dispose();
            throw new InvalidOperationException("sherpa-onnx could not create an online stream.");
        }

        return stream;
    }

    private static unsafe OnlineRecognizerHandle Create(RecognizerOptions settings)
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
            },
            DecodingMethod = strings.Add("greedy_search"),
            MaxActivePaths = 4,
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

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Native;
using VoiceHelper.Voice.Speech.Native.SherpaOnnx;

namespace VoiceHelper.Voice.Speech.Vad;

/// <summary>
/// Silero VAD v5 through sherpa-onnx; each session owns a native detector while it is open. Creating one
/// loads the model into a new onnxruntime session (10-250 ms depending on load), so a closed session's
/// detector is reset and kept for the next caller, up to <see cref="VadOptions.MaxIdleDetectors"/>; others are freed.
/// </summary>
public sealed class SileroVoiceActivityDetector : IVoiceActivityDetector
{
    // Silero v5 reads 512-sample windows at 16 kHz (32 ms).
    internal const int WindowSize = 512;

    // Enough for the longest segment plus the silence that closes it.
    private const float BufferSeconds = 60f;

    private readonly VadOptions options;
    // Idle detectors by their settings: a native detector's threshold and durations are fixed when it is created.
    private readonly ConcurrentDictionary<(float Threshold, float MinSpeech, float MinSilence), ConcurrentBag<VoiceActivityDetectorHandle>> idle = new();

    public SileroVoiceActivityDetector(IOptions<VadOptions> options)
    {
        this.options = options.Value;

        // Load once now, so a bad model fails at start-up rather than in the first call.
        OpenSession().Dispose();
    }

    public string Name => "silero-vad-v5 (sherpa-onnx)";

    public int SampleRate => options.SampleRate;

    public IVoiceActivitySession OpenSession() =>
        OpenSession(options.Threshold, options.MinSpeechSeconds, options.MinSilenceSeconds);

    public IVoiceActivitySession OpenSession(float threshold, float minSpeechSeconds, float minSilenceSeconds)
    {
        var key = (threshold, minSpeechSeconds, minSilenceSeconds);
        var bag = idle.GetOrAdd(key, _ => []);
        var handle = bag.TryTake(out var pooled) ? pooled : Create(key);
        return new SileroVoiceActivitySession(handle, options.SampleRate, h => Return(bag, h));
    }

    private void Return(ConcurrentBag<VoiceActivityDetectorHandle> bag, VoiceActivityDetectorHandle handle)
    {
        if (bag.Count < options.MaxIdleDetectors)
        {
            SherpaOnnxApi.SherpaOnnxVoiceActivityDetectorReset(handle);
            bag.Add(handle);
            return;
        }

        handle.Dispose();
    }

    private unsafe VoiceActivityDetectorHandle Create((float Threshold, float MinSpeech, float MinSilence) settings)
    {
        using var strings = new NativeStrings();
        var config = new SherpaOnnxVadModelConfig
        {
            SileroVad = new SherpaOnnxSileroVadModelConfig
            {
                Model = strings.Add(options.ModelPath),
                Threshold = settings.Threshold,
                MinSilenceDuration = settings.MinSilence,
                MinSpeechDuration = settings.MinSpeech,
                WindowSize = WindowSize,
                MaxSpeechDuration = options.MaxSpeechSeconds,
            },
            SampleRate = options.SampleRate,
            NumThreads = 1,
            Provider = strings.Add("cpu"),
        };
        var handle = SherpaOnnxApi.SherpaOnnxCreateVoiceActivityDetector(&config, BufferSeconds);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new SpeechConfigurationException($"sherpa-onnx could not load the Silero VAD model {options.ModelPath}.");
        }

        return handle;
    }
}

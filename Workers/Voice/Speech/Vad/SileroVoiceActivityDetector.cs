using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Native;
using VoiceHelper.Voice.Speech.Native.SherpaOnnx;

namespace VoiceHelper.Voice.Speech.Vad;

/// <summary>
/// Silero VAD v5 through sherpa-onnx; each session owns a native detector while it is open. Creating one
/// loads the model into a new onnxruntime session (10-250 ms depending on load), so a closed session's
/// detector is reset and kept for the next caller, up to <see cref="MaxIdleDetectors"/>; others are freed.
/// </summary>
public sealed class SileroVoiceActivityDetector : IVoiceActivityDetector
{
    // Silero v5 reads 512-sample windows at 16 kHz (32 ms).
    internal const int WindowSize = 512;

    // Enough for the longest segment plus the silence that closes it.
    private const float BufferSeconds = 60f;

    private const int MaxIdleDetectors = 16;

    private readonly VadOptions options;
    private readonly ConcurrentBag<VoiceActivityDetectorHandle> idle = [];

    public SileroVoiceActivityDetector(IOptions<VadOptions> options)
    {
        this.options = options.Value;

        // Load once now, so a bad model fails at start-up rather than in the first call.
        OpenSession().Dispose();
    }

    public string Name => "silero-vad-v5 (sherpa-onnx)";

    public int SampleRate => options.SampleRate;

    public IVoiceActivitySession OpenSession() =>
        new SileroVoiceActivitySession(idle.TryTake(out var pooled) ? pooled : Create(), options.SampleRate, Return);

    private void Return(VoiceActivityDetectorHandle handle)
    {
        if (idle.Count < MaxIdleDetectors)
        {
            SherpaOnnxApi.SherpaOnnxVoiceActivityDetectorReset(handle);
            idle.Add(handle);
            return;
        }

        handle.Dispose();
    }

    private unsafe VoiceActivityDetectorHandle Create()
    {
        using var strings = new NativeStrings();
        var config = new SherpaOnnxVadModelConfig
        {
            SileroVad = new SherpaOnnxSileroVadModelConfig
            {
                Model = strings.Add(options.ModelPath),
                Threshold = options.Threshold,
                MinSilenceDuration = options.MinSilenceSeconds,
                MinSpeechDuration = options.MinSpeechSeconds,
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

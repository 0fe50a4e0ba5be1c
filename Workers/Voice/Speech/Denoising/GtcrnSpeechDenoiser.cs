using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Hosting;
using VoiceHelper.Voice.Speech.Native;
using VoiceHelper.Voice.Speech.Native.SherpaOnnx;

namespace VoiceHelper.Voice.Speech.Denoising;

/// <summary>GTCRN (48k parameters) through sherpa-onnx's offline speech denoiser.</summary>
public sealed class GtcrnSpeechDenoiser : ISpeechDenoiser, IDisposable
{
    private readonly SpeechDenoiserHandle denoiser;
    private readonly SpeechWorkPool pool;

    public GtcrnSpeechDenoiser(IOptions<DenoiserOptions> options, SpeechWorkPool pool)
    {
        this.pool = pool;
        denoiser = Create(options.Value);
        SampleRate = SherpaOnnxApi.SherpaOnnxOfflineSpeechDenoiserGetSampleRate(denoiser);
    }

    public string Name => "gtcrn (sherpa-onnx)";

    public int SampleRate { get; }

    public Task<float[]> DenoiseAsync(ReadOnlyMemory<float> samples, int sampleRate, CancellationToken cancellationToken = default)
    {
        Pcm16.EnsureFinite(samples.Span, nameof(samples));
        if (sampleRate is < WavFile.MinSampleRate or > WavFile.MaxSampleRate)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "Unsupported sample rate.");
        }

        if (samples.IsEmpty)
        {
            return Task.FromResult(Array.Empty<float>());
        }

        return pool.RunAsync(() => Run(Resampler.Resample(samples.Span, sampleRate, SampleRate)), cancellationToken);
    }

    public void Dispose() => denoiser.Dispose();

    private unsafe float[] Run(float[] input)
    {
        DenoisedAudioHandle result;
        fixed (float* pointer = input)
        {
            result = SherpaOnnxApi.SherpaOnnxOfflineSpeechDenoiserRun(denoiser, pointer, input.Length, SampleRate);
        }

        using (result)
        {
            if (result.IsInvalid)
            {
                throw new InvalidOperationException("sherpa-onnx denoiser returned no audio.");
            }

            var native = (SherpaOnnxDenoisedAudio*)result.DangerousGetHandle();
            var output = new float[native->N];
            Marshal.Copy(native->Samples, output, 0, native->N);
            return output;
        }
    }

    private static unsafe SpeechDenoiserHandle Create(DenoiserOptions options)
    {
        using var strings = new NativeStrings();
        var config = new SherpaOnnxSpeechDenoiserModelConfig
        {
            Gtcrn = new SherpaOnnxModelPath { Model = strings.Add(options.ModelPath) },
            NumThreads = options.NumThreads,
            Provider = strings.Add("cpu"),
        };
        var handle = SherpaOnnxApi.SherpaOnnxCreateOfflineSpeechDenoiser(&config);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new SpeechConfigurationException($"sherpa-onnx could not load the GTCRN denoiser model {options.ModelPath}.");
        }

        return handle;
    }
}

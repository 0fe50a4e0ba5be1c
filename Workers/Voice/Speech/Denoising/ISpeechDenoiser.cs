namespace VoiceHelper.Voice.Speech.Denoising;

/// <summary>Removes background noise from speech. Thread-safe; the work runs on the speech worker threads.</summary>
public interface ISpeechDenoiser
{
    string Name { get; }

    /// <summary>The rate of the returned audio (and the rate input is converted to).</summary>
    int SampleRate { get; }

    /// <summary>Denoises mono samples at any supported rate; returns them at <see cref="SampleRate"/>.</summary>
    Task<float[]> DenoiseAsync(ReadOnlyMemory<float> samples, int sampleRate, CancellationToken cancellationToken = default);
}

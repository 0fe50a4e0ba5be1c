namespace VoiceHelper.Voice.Speech.Vad;

/// <summary>Silero VAD settings (section <c>Speech:Vad</c>).</summary>
public sealed class VadOptions
{
    public const string Section = "Speech:Vad";

    /// <summary>silero_vad_v5.onnx; defaults from VOICEHELPER_TOOLS_DIR.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Speech probability above which a window counts as speech.</summary>
    public float Threshold { get; set; } = 0.5f;

    /// <summary>Shorter speech bursts (clicks, breaths) are dropped.</summary>
    public float MinSpeechSeconds { get; set; } = 0.25f;

    /// <summary>Silence that ends a segment; shorter pauses stay inside it.</summary>
    public float MinSilenceSeconds { get; set; } = 0.3f;

    /// <summary>Longer segments are split (the detector raises its threshold).</summary>
    public float MaxSpeechSeconds { get; set; } = 20f;

    /// <summary>
    /// Closed calls' detectors kept for the next callers (each is an onnxruntime session, about 11 MiB; loading a new
    /// one costs about 45 CPU ms, which a burst of calls pays all at once). Set it near the peak of calls.
    /// </summary>
    public int MaxIdleDetectors { get; set; } = 64;

    /// <summary>Input rate; Silero runs at 16 kHz and the voice protocol carries 16 kHz.</summary>
    public int SampleRate { get; set; } = 16_000;
}

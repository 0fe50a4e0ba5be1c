namespace VoiceHelper.Voice.Speech.Denoising;

/// <summary>GTCRN denoiser (section <c>Speech:Denoiser</c>); optional.</summary>
public sealed class DenoiserOptions
{
    public const string Section = "Speech:Denoiser";

    /// <summary>Defaults to on when a model path is configured or found under VOICEHELPER_MODELS_DIR.</summary>
    public bool? Enabled { get; set; }

    public string? ModelPath { get; set; }

    public int NumThreads { get; set; } = 1;

    public bool IsEnabled => Enabled ?? !string.IsNullOrWhiteSpace(ModelPath);
}

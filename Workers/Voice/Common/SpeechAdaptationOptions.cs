namespace VoiceHelper.Voice.Common;

/// <summary>Per-knowledge-base recognition adaptation (section <c>Voice:Adaptation</c>).</summary>
public sealed class SpeechAdaptationOptions
{
    public const string Section = "Voice:Adaptation";

    public bool Enabled { get; set; } = true;

    /// <summary>Where builds write their language models; defaults to a folder under the temporary directory.</summary>
    public string? Directory { get; set; }

    /// <summary>The knowledge base's weight in the mix with the general language model (pocketsphinx).</summary>
    public float DomainWeight { get; set; } = 0.5f;

    /// <summary>Distinctive terms kept as hotwords (sherpa-onnx) and shown in the status.</summary>
    public int MaxTerms { get; set; } = 300;

    /// <summary>A build reads at most this many chunks (the first documents' first), so its time and memory stay bounded.</summary>
    public int MaxChunks { get; set; } = 20_000;

    /// <summary>A build that takes longer fails (and calls keep the general recogniser).</summary>
    public int BuildTimeoutSeconds { get; set; } = 300;
}

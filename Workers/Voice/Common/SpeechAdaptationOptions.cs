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

    /// <summary>pocketsphinx's language weight (<c>-lw</c>) for adapted decoders.</summary>
    public float LanguageWeight { get; set; } = 6.5f;

    /// <summary>A call names at most this many knowledge bases for its adaptation (the rest are ignored for recognition).</summary>
    public int MaxBasesPerCall { get; set; } = 8;

    /// <summary>Adaptations built over several knowledge bases at once (pocketsphinx) kept at most; more combinations use the first ready base.</summary>
    public int MaxCombined { get; set; } = 16;

    /// <summary>Distinctive terms kept as hotwords (sherpa-onnx) and shown in the status.</summary>
    public int MaxTerms { get; set; } = 300;

    /// <summary>A build reads at most this many chunks (the first documents' first), so its time and memory stay bounded.</summary>
    public int MaxChunks { get; set; } = 20_000;

    /// <summary>A build that takes longer fails (and calls keep the general recogniser).</summary>
    public int BuildTimeoutSeconds { get; set; } = 300;
}

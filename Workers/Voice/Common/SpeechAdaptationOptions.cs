using System.Globalization;

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

    /// <summary>pocketsphinx's language weight (<c>-lw</c>) for adapted decoders' first (tree) pass.</summary>
    public float LanguageWeight { get; set; } = 6.5f;

    /// <summary>
    /// The language weight of the second (flat-lexicon) pass, <c>-fwdflatlw</c>. pocketsphinx applies its own weight per pass,
    /// so <see cref="LanguageWeight"/> alone does not change what the final passes choose.
    /// </summary>
    public float FlatLanguageWeight { get; set; } = 8.5f;

    /// <summary>The language weight of the last (best path through the word lattice) pass, <c>-bestpathlw</c>.</summary>
    public float BestPathLanguageWeight { get; set; } = 9.5f;

    /// <summary>Word insertion penalty, <c>-wip</c> (a probability: lower favours fewer, longer words).</summary>
    public float WordInsertionPenalty { get; set; } = 0.65f;

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

    /// <summary>The adapted decoders' pocketsphinx search arguments.</summary>
    public IReadOnlyDictionary<string, string> PocketsphinxSearch() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["-lw"] = LanguageWeight.ToString(CultureInfo.InvariantCulture),
        ["-fwdflatlw"] = FlatLanguageWeight.ToString(CultureInfo.InvariantCulture),
        ["-bestpathlw"] = BestPathLanguageWeight.ToString(CultureInfo.InvariantCulture),
        ["-wip"] = WordInsertionPenalty.ToString(CultureInfo.InvariantCulture),
    };
}

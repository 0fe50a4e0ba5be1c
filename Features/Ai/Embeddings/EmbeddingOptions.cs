using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Ai.Embeddings;

/// <summary>Which embedder a process uses, bound from the <c>Embeddings</c> section.</summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Embeddings";

    /// <summary>
    /// <c>auto</c> (default: the ONNX sentence model when setup has installed it, else the lexical embedder),
    /// <c>onnx</c> (the model is required), <c>hashed-ngram</c> (lexical, no model) or <c>openai</c> (any
    /// OpenAI-compatible endpoint).
    /// </summary>
    [Required] public string Provider { get; set; } = AutoProvider;

    public const string AutoProvider = "auto";

    /// <summary>The OpenAI-compatible base address (for example a local Ollama's /v1); null means the SDK's default.</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Vector size; for hashed-ngram the number of buckets, for OpenAI the optional reduced size.</summary>
    [Range(8, 8192)] public int? Dimensions { get; set; }

    /// <summary>Texts sent to the embedder per call.</summary>
    [Range(1, 2048)] public int BatchSize { get; set; } = 64;

    /// <summary>The ONNX sentence model (provider <c>auto</c> or <c>onnx</c>).</summary>
    public SentenceEmbeddingOptions Sentence { get; set; } = new();
}

using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Ai.Embeddings;

/// <summary>The ONNX sentence embedder's settings, bound from <c>Embeddings:Sentence</c>.</summary>
public sealed class SentenceEmbeddingOptions
{
    /// <summary>
    /// Folder holding model.onnx and vocab.txt (scripts/fetch-embedding-model.sh writes them); when unset,
    /// VOICEHELPER_TOOLS_DIR/models/all-MiniLM-L6-v2.
    /// </summary>
    public string? ModelDirectory { get; set; }

    public string ModelId { get; set; } = SentenceEmbeddingGenerator.DefaultModelId;

    /// <summary>Word pieces per text, [CLS] and [SEP] included; the rest of a longer text is not read.</summary>
    [Range(8, 512)] public int MaxTokens { get; set; } = 256;

    /// <summary>Texts per ONNX Runtime run.</summary>
    [Range(1, 256)] public int BatchSize { get; set; } = 16;

    /// <summary>
    /// ONNX Runtime's intra-op threads. Every core by default: in a service a query's embedding (and the answerer's
    /// sentences) is on a user's critical path, and idle threads do not spin. The ingestion worker defaults to half the
    /// cores (<see cref="BulkThreads"/>), so that a busy ingestion leaves the rest to the services.
    /// </summary>
    [Range(1, 64)] public int Threads { get; set; } = Environment.ProcessorCount;

    /// <summary>The threads of a process that embeds in bulk (ingestion, re-embedding) unless configured.</summary>
    public static int BulkThreads => Math.Max(1, Environment.ProcessorCount / 2);
}

using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Knowledge.Common;

/// <summary>Upload limits, chunking defaults and ranking parameters, bound from the <c>Knowledge</c> section.</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>Largest accepted upload request (the file with its form fields); a bigger one answers 413.</summary>
    [Range(1, long.MaxValue)] public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    [Range(50, 4000)] public int DefaultChunkSize { get; set; } = 400;

    [Range(0, 1000)] public int DefaultChunkOverlap { get; set; } = 60;

    /// <summary>BM25 term-frequency saturation.</summary>
    [Range(0.0, 10.0)] public double Bm25K1 { get; set; } = 1.2;

    /// <summary>BM25 length normalisation (0 none, 1 full).</summary>
    [Range(0.0, 1.0)] public double Bm25B { get; set; } = 0.75;

    /// <summary>Reciprocal Rank Fusion constant.</summary>
    [Range(1, 1000)] public int RrfK { get; set; } = 60;

    /// <summary>Candidates each signal contributes to fusion (at least top_k).</summary>
    [Range(1, 1000)] public int CandidatesPerSignal { get; set; } = 50;

    /// <summary>HNSW search breadth; higher is more exact and slower (bench/Ingestion prints recall for several values).</summary>
    [Range(10, 1000)] public int HnswEfSearch { get; set; } = 200;
}

using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Assistant.Common;

public sealed class SemanticCacheOptions
{
    public const string Section = "SemanticCache";

    /// <summary>Cosine similarity of question embeddings at or above which a cached answer is reused.</summary>
    [Range(0.5, 1.0)] public double SimilarityThreshold { get; set; } = 0.92;

    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Answers kept per tenant and knowledge-base set; a lookup compares against all of them.</summary>
    [Range(1, 100000)] public int MaxEntriesPerSet { get; set; } = 500;
}

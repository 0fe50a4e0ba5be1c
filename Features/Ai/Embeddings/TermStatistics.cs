using Microsoft.Extensions.AI;

namespace VoiceHelper.Ai.Embeddings;

/// <summary>
/// Document frequencies of the corpus a text belongs to (the searched knowledge bases), by the keyword index's terms
/// (<see cref="Text.TextTokenizer.Tokenize"/>). The lexical embedder weights each term by its idf so that a chunk's
/// vector is about its distinctive words, not the words every chunk shares. <see cref="Empty"/> (no corpus) weights
/// every term alike.
/// </summary>
public sealed class TermStatistics(double documents, IReadOnlyDictionary<string, double> frequencies)
{
    /// <summary>The <see cref="EmbeddingGenerationOptions.AdditionalProperties"/> key the statistics travel under.</summary>
    public const string OptionKey = "voicehelper.term_statistics";

    /// <summary>
    /// A vector weighted by a corpus this many times smaller or larger than the knowledge base is now counts as stale:
    /// the Ingestion worker re-embeds it and the knowledge base's status counts it (decision 0009).
    /// </summary>
    public const int StaleAfterGrowth = 2;

    public static readonly TermStatistics Empty = new(0, new Dictionary<string, double>());

    public double Documents { get; } = documents;

    /// <summary>BM25's idf, ln(1 + (N - df + 0.5) / (df + 0.5)), as keyword search uses it; a term never seen has df 0.</summary>
    public float Idf(string term)
    {
        var df = Math.Min(frequencies.GetValueOrDefault(term), Documents);
        return (float)Math.Log(1 + (Documents - df + 0.5) / (df + 0.5));
    }

    /// <summary>
    /// Whether the corpus has never seen the term (and has seen something). Such a term can match no chunk's feature,
    /// only collide with one in a hash bucket, so the embedder keeps only its character n-grams: a misspelling's way
    /// to the word it means.
    /// </summary>
    public bool IsUnseen(string term) => Documents > 0 && !frequencies.ContainsKey(term);

    /// <summary>Whether the embedder weights terms by these statistics (the lexical one; a model server ignores them).</summary>
    public static bool AreUsedBy(IEmbeddingGenerator<string, Embedding<float>> embedder) => embedder.GetService<HashedNgramEmbeddingGenerator>() is not null;

    public EmbeddingGenerationOptions ToOptions() => new() { AdditionalProperties = new() { [OptionKey] = this } };

    public static TermStatistics From(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(OptionKey, out var value) == true && value is TermStatistics statistics ? statistics : Empty;
}

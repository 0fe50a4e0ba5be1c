using System.Data.Common;
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

    /// <summary>BM25's idf (<see cref="Text.Bm25.Idf"/>), as keyword search uses it; a term never seen has df 0.</summary>
    public float Idf(string term)
    {
        var df = Math.Min(frequencies.GetValueOrDefault(term), Documents);
        return (float)Text.Bm25.Idf(Documents, df);
    }

    /// <summary>
    /// Whether the corpus has never seen the term (and has seen something). Such a term can match no chunk's feature,
    /// only collide with one in a hash bucket, so the embedder keeps only its character n-grams: a misspelling's way
    /// to the word it means.
    /// </summary>
    public bool IsUnseen(string term) => Documents > 0 && !frequencies.ContainsKey(term);

    /// <summary>Whether the embedder weights terms by these statistics (the lexical one; a model server ignores them).</summary>
    public static bool AreUsedBy(IEmbeddingGenerator<string, Embedding<float>> embedder) => embedder.GetService<HashedNgramEmbeddingGenerator>() is not null;

    /// <summary>
    /// The knowledge bases' chunk count and the <paramref name="terms"/>' document frequencies in them, from the index's
    /// statistics tables (<c>knowledge_base_stats</c>, <c>term_stats</c>): what search weights a query by and ingestion
    /// weights new chunks by.
    /// </summary>
    public static async Task<TermStatistics> LoadAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<Guid> kbIds,
        IReadOnlyCollection<string> terms, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT coalesce(sum(chunk_count), 0)::float8 FROM knowledge_base_stats WHERE knowledge_base_id = ANY(@kbs);
            SELECT term, sum(df)::float8 FROM term_stats WHERE term = ANY(@terms) AND knowledge_base_id = ANY(@kbs) GROUP BY term;
            """;
        AddParameter(command, "kbs", kbIds.ToArray());
        AddParameter(command, "terms", terms.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var documents = reader.GetDouble(0);
        await reader.NextResultAsync(ct);
        var frequencies = new Dictionary<string, double>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            frequencies[reader.GetString(0)] = reader.GetDouble(1);
        }
        return new TermStatistics(documents, frequencies);
    }

    /// <summary>These statistics with <paramref name="moreDocuments"/> more documents, whose terms' document frequencies are <paramref name="theirs"/>.</summary>
    public TermStatistics Plus(double moreDocuments, IReadOnlyDictionary<string, double> theirs)
    {
        var sum = new Dictionary<string, double>(frequencies, StringComparer.Ordinal);
        foreach (var (term, count) in theirs)
        {
            sum[term] = sum.GetValueOrDefault(term) + count;
        }
        return new TermStatistics(Documents + moreDocuments, sum);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public EmbeddingGenerationOptions ToOptions() => new() { AdditionalProperties = new() { [OptionKey] = this } };

    public static TermStatistics From(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(OptionKey, out var value) == true && value is TermStatistics statistics ? statistics : Empty;
}

using Microsoft.Extensions.AI;
using Npgsql;
using VoiceHelper.Ai.Embeddings;
using VoiceHelper.Ai.Text;

namespace VoiceHelper.Ingestion.Index;

/// <summary>
/// The term statistics a knowledge base's chunks are embedded with (decision 0009): the document frequencies of its
/// indexed chunks (<c>term_stats</c>), plus those of chunks about to be added, so that a knowledge base's first
/// document is weighted by its own chunks. Null for an embedder that does not weight terms (a model server).
/// </summary>
public static class CorpusStatistics
{
    public static async Task<TermStatistics?> ForAsync(NpgsqlDataSource dataSource, IEmbeddingGenerator<string, Embedding<float>> embedder,
        Guid kbId, IReadOnlyList<string> texts, bool textsAreNew, CancellationToken ct)
    {
        if (!TermStatistics.AreUsedBy(embedder))
        {
            return null;
        }
        var own = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var term in TextTokenizer.Tokenize(text).Distinct(StringComparer.Ordinal))
            {
                own[term] = own.GetValueOrDefault(term) + 1;
            }
        }
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var stored = await TermStatistics.LoadAsync(connection, null, [kbId], own.Keys, ct);
        return textsAreNew ? stored.Plus(texts.Count, own) : stored;
    }
}

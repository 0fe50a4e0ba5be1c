using System.Data;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using VoiceHelper.Ai.Embeddings;
using VoiceHelper.Ai.Text;

namespace VoiceHelper.Knowledge.SearchKnowledge;

/// <summary>
/// The two retrieval signals as SQL, run by the caller in one REPEATABLE READ transaction so that both signals and
/// the final chunk load see the same snapshot (a document version replaced meanwhile is either wholly there or
/// wholly gone). Callers pass knowledge-base ids already resolved through the tenant-filtered context; chunk rows
/// are additionally matched on tenant_id. Public so that the benchmarks time the same queries.
/// </summary>
public static class SearchKnowledgeQueries
{
    /// <summary>
    /// Cosine similarity over pgvector's HNSW index (or exact when <paramref name="exact"/>), best first, among the chunks
    /// embedded by the query's own embedder (<paramref name="embeddingModel"/>): a knowledge base being re-embedded is
    /// searched over the chunks already done.
    /// </summary>
    public static async Task<List<(Guid Id, double Score)>> VectorAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId,
        IReadOnlyList<Guid> kbIds, ReadOnlyMemory<float> query, string embeddingModel, string? metadataFilter, int limit, int efSearch, bool exact, CancellationToken ct)
    {
        // A zero vector (a query of stop words only, or of terms the corpus has never seen) has no direction: nothing
        // is similar to it, and pgvector's cosine against it is NaN.
        if (!query.Span.ContainsAnyExcept(0f))
        {
            return [];
        }
        var dimension = query.Length;
        // The dimension is an int we control; it must be a literal for the expression index to match.
        var distance = exact ? "c.embedding <=> @q::vector" : $"c.embedding::vector({dimension}) <=> @q::vector({dimension})";
        // Iterative scans (pgvector 0.8) keep walking the graph when the knowledge-base filter removes candidates,
        // instead of returning fewer than `limit` rows. The settings travel with the query: one round trip, not two.
        var sql = $"""
            SET LOCAL hnsw.ef_search = {Math.Max(efSearch, limit)}; SET LOCAL hnsw.iterative_scan = relaxed_order;
            SELECT c.id, {distance} AS distance
            FROM chunks c
            WHERE c.embedding_dim = {dimension} AND c.embedding_model = @model AND c.knowledge_base_id = ANY(@kbs) AND c.tenant_id = @tenant
              {(metadataFilter is null ? "" : "AND c.document_id IN (SELECT d.id FROM documents d WHERE d.knowledge_base_id = ANY(@kbs) AND d.metadata @> @filter::jsonb)")}
            ORDER BY {distance}
            LIMIT @limit
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("q", new Vector(query));
        command.Parameters.AddWithValue("model", embeddingModel);
        command.Parameters.AddWithValue("kbs", kbIds.ToArray());
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("limit", limit);
        if (metadataFilter is not null)
        {
            command.Parameters.AddWithValue("filter", metadataFilter);
        }
        var hits = new List<(Guid, double)>(limit);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                hits.Add((reader.GetGuid(0), 1.0 - reader.GetDouble(1)));
            }
        }
        // relaxed_order may return neighbours slightly out of order.
        return hits.OrderByDescending(h => h.Item2).ThenBy(h => h.Item1).ToList();
    }

    /// <summary>The searched knowledge bases' chunk count and the query terms' document frequencies, which the lexical embedder weights terms by.</summary>
    public static Task<TermStatistics> TermStatisticsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Guid> kbIds,
        string query, CancellationToken ct) =>
        TermStatistics.LoadAsync(connection, transaction, kbIds, TextTokenizer.Tokenize(query).Distinct(StringComparer.Ordinal).ToArray(), ct);

    /// <summary>
    /// Okapi BM25 over our own postings: idf = ln(1 + (N - df + 0.5) / (df + 0.5)), tf part
    /// tf (k1 + 1) / (tf + k1 (1 - b + b |d| / avgdl)), with N and avgdl over the searched knowledge bases and df from
    /// <c>term_stats</c>. Exact top-<paramref name="limit"/> with MaxScore pruning: terms are taken rarest first; the
    /// "essential" ones are scored in one pass over their postings; once the other terms' largest possible contribution,
    /// Σ qtf·idf·(k1+1), cannot lift a chunk outside that pass above the current last place, only the chunks close enough
    /// to the top to be moved by those terms are completed from their term vectors (<see cref="SearchKnowledgeMaxScore"/>).
    /// Common terms' long posting lists are then never read.
    /// </summary>
    public static async Task<List<(Guid Id, double Score)>> KeywordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Guid> kbIds,
        string query, string? metadataFilter, int limit, double k1, double b, CancellationToken ct)
    {
        var queryTerms = TextTokenizer.Tokenize(query).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (queryTerms.Count == 0)
        {
            return [];
        }
        var kbs = kbIds.ToArray();
        double n = 0, avgdl = 1;
        var terms = new List<Bm25Term>();
        await using (var stats = new NpgsqlCommand("""
            SELECT coalesce(sum(chunk_count), 0)::float8, coalesce(sum(total_terms), 0)::float8 / greatest(coalesce(sum(chunk_count), 0), 1)
            FROM knowledge_base_stats WHERE knowledge_base_id = ANY(@kbs);
            SELECT term, sum(df)::float8 FROM term_stats WHERE term = ANY(@terms) AND knowledge_base_id = ANY(@kbs) AND df > 0 GROUP BY term;
            """, connection, transaction))
        {
            stats.Parameters.AddWithValue("kbs", kbs);
            stats.Parameters.AddWithValue("terms", queryTerms.Keys.ToArray());
            await using var reader = await stats.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (n, avgdl) = (reader.GetDouble(0), Math.Max(reader.GetDouble(1), 1));
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var frequency = reader.GetDouble(1);
                terms.Add(new Bm25Term(reader.GetString(0), queryTerms[reader.GetString(0)], Bm25.Idf(n, frequency), (long)frequency));
            }
        }
        if (terms.Count == 0)
        {
            return [];
        }
        terms = [.. terms.OrderByDescending(t => t.Idf).ThenBy(t => t.Term, StringComparer.Ordinal)];
        var bounds = terms.Select(t => t.Qtf * t.Idf * (k1 + 1)).ToArray();
        for (var essential = 1; ; essential++)
        {
            var restBound = bounds.Skip(essential).Sum();
            var partials = await PartialScoresAsync(connection, transaction, kbs, terms.Take(essential).ToList(), metadataFilter, limit + MaxContenders, k1, b, avgdl, ct);
            var contenders = SearchKnowledgeMaxScore.Contenders(partials, limit, restBound, truncated: partials.Count == limit + MaxContenders);
            if (contenders is null)
            {
                continue;
            }
            var rest = terms.Skip(essential).ToList();
            var completion = rest.Count == 0 || contenders.Count == 0
                ? []
                : await CompleteAsync(connection, transaction, rest, contenders.Select(c => c.Id).ToArray(), k1, b, avgdl, ct);
            return [.. contenders.Select(c => (c.Id, c.Score + completion.GetValueOrDefault(c.Id)))
                .OrderByDescending(h => h.Item2).ThenBy(h => h.Id).Take(limit)];
        }
    }

    /// <summary>
    /// Candidates completed from their term vectors at most (about 5 µs each at 100,000 chunks); beyond this the next
    /// term's postings are read instead.
    /// </summary>
    private const int MaxContenders = 4000;

    private const string Contribution = "q.qtf * q.idf * p.tf * (@k1 + 1) / (p.tf + @k1 * (1 - @b + @b * p.chunk_length / @avgdl))";

    /// <summary>BM25 over the given terms only, one index-only pass over their postings, best <paramref name="limit"/> first.</summary>
    private static async Task<List<(Guid Id, double Score)>> PartialScoresAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] kbs,
        List<Bm25Term> terms, string? metadataFilter, int limit, double k1, double b, double avgdl, CancellationToken ct)
    {
        var sql = $"""
            WITH q AS (SELECT * FROM unnest(@terms::text[], @qtf::int[], @idf::float8[]) AS q(term, qtf, idf))
            SELECT p.chunk_id, sum({Contribution}) AS score
            FROM q JOIN chunk_terms p ON p.term = q.term AND p.knowledge_base_id = ANY(@kbs)
            {(metadataFilter is null ? "" : "WHERE p.chunk_id IN (SELECT c.id FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.knowledge_base_id = ANY(@kbs) AND d.metadata @> @filter::jsonb)")}
            GROUP BY p.chunk_id
            ORDER BY score DESC, p.chunk_id
            LIMIT @limit
            """;
        await using var command = ScoringCommand(sql, connection, transaction, kbs, terms, k1, b, avgdl);
        command.Parameters.AddWithValue("limit", limit);
        if (metadataFilter is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("filter", NpgsqlDbType.Text) { Value = metadataFilter });
        }
        var hits = new List<(Guid, double)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            hits.Add((reader.GetGuid(0), reader.GetDouble(1)));
        }
        return hits;
    }

    /// <summary>The remaining terms' contributions to the contenders, from one term-vector row per chunk.</summary>
    private static async Task<Dictionary<Guid, double>> CompleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<Bm25Term> terms, Guid[] chunkIds, double k1, double b, double avgdl, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT chunk_id, terms, tfs, length FROM chunk_term_vectors WHERE chunk_id = ANY(@chunks)", connection, transaction);
        command.Parameters.AddWithValue("chunks", chunkIds);
        var scores = new Dictionary<Guid, double>(chunkIds.Length);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var chunkTerms = reader.GetFieldValue<string[]>(1);
            var tfs = reader.GetFieldValue<int[]>(2);
            var length = reader.GetInt32(3);
            var score = 0.0;
            foreach (var term in terms)
            {
                var index = Array.IndexOf(chunkTerms, term.Term);
                if (index >= 0)
                {
                    score += term.Qtf * term.Idf * tfs[index] * (k1 + 1) / (tfs[index] + k1 * (1 - b + b * length / avgdl));
                }
            }
            scores[reader.GetGuid(0)] = score;
        }
        return scores;
    }

    private static NpgsqlCommand ScoringCommand(string sql, NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] kbs,
        List<Bm25Term> terms, double k1, double b, double avgdl)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("terms", terms.Select(t => t.Term).ToArray());
        command.Parameters.AddWithValue("qtf", terms.Select(t => t.Qtf).ToArray());
        command.Parameters.AddWithValue("idf", terms.Select(t => t.Idf).ToArray());
        command.Parameters.AddWithValue("kbs", kbs);
        command.Parameters.AddWithValue("k1", k1);
        command.Parameters.AddWithValue("b", b);
        command.Parameters.AddWithValue("avgdl", avgdl);
        return command;
    }

    /// <summary>
    /// Runs the given reads (either may be null: not run, default result) inside <paramref name="transaction"/>'s snapshot.
    /// When both are given they run concurrently, the second on its own connection that imports the snapshot
    /// (<c>pg_export_snapshot</c>), so that a hybrid search costs the slower signal, not the sum, and still sees one
    /// consistent state. The transaction must be REPEATABLE READ.
    /// </summary>
    public static async Task<(T1? First, T2? Second)> OnSharedSnapshotAsync<T1, T2>(NpgsqlDataSource dataSource, NpgsqlConnection connection,
        NpgsqlTransaction transaction, Func<NpgsqlConnection, NpgsqlTransaction, Task<T1>>? first, Func<NpgsqlConnection, NpgsqlTransaction, Task<T2>>? second,
        CancellationToken ct)
    {
        if (first is null || second is null)
        {
            return (first is null ? default : await first(connection, transaction), second is null ? default : await second(connection, transaction));
        }
        string snapshot;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
        {
            snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
        }
        // The second read starts at once; the first joins the snapshot on the other connection meanwhile.
        var secondTask = second(connection, transaction);
        try
        {
            await using var other = await dataSource.OpenConnectionAsync(ct);
            await using var otherTransaction = await other.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            // The identifier comes from the server; SET TRANSACTION SNAPSHOT takes no parameters.
            await using (var import = new NpgsqlCommand($"SET TRANSACTION SNAPSHOT '{snapshot}'", other, otherTransaction))
            {
                await import.ExecuteNonQueryAsync(ct);
            }
            var firstResult = await first(other, otherTransaction);
            await otherTransaction.CommitAsync(ct);
            return (firstResult, await secondTask);
        }
        finally
        {
            // Whatever failed, the caller's connection is not handed back while the second read still uses it.
            await Task.WhenAny(secondTask);
        }
    }

    /// <summary>Text and provenance of the final chunks.</summary>
    public static async Task<Dictionary<Guid, SearchKnowledgeChunk>> LoadChunksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid tenantId, IReadOnlyList<Guid> chunkIds, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.id, c.document_id, d.title, c.knowledge_base_id, c.heading_path, c.page, c.ordinal, c.text
            FROM chunks c JOIN documents d ON d.id = c.document_id
            WHERE c.id = ANY(@ids) AND c.tenant_id = @tenant
            """, connection, transaction);
        command.Parameters.AddWithValue("ids", chunkIds.ToArray());
        command.Parameters.AddWithValue("tenant", tenantId);
        var chunks = new Dictionary<Guid, SearchKnowledgeChunk>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            chunks[reader.GetGuid(0)] = new SearchKnowledgeChunk(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetGuid(3),
                reader.GetFieldValue<string[]>(4), reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetInt32(6), reader.GetString(7));
        }
        return chunks;
    }
}

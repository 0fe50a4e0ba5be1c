using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
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
    /// <summary>Cosine similarity over pgvector's HNSW index (or exact when <paramref name="exact"/>), best first.</summary>
    public static async Task<List<(Guid Id, double Score)>> VectorAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid tenantId,
        IReadOnlyList<Guid> kbIds, ReadOnlyMemory<float> query, string? metadataFilter, int limit, int efSearch, bool exact, CancellationToken ct)
    {
        var dimension = query.Length;
        // Iterative scans (pgvector 0.8) keep walking the graph when the knowledge-base filter removes candidates,
        // instead of returning fewer than `limit` rows.
        await using (var settings = new NpgsqlCommand(
            $"SET LOCAL hnsw.ef_search = {Math.Max(efSearch, limit)}; SET LOCAL hnsw.iterative_scan = relaxed_order;", connection, transaction))
        {
            await settings.ExecuteNonQueryAsync(ct);
        }
        // The dimension is an int we control; it must be a literal for the expression index to match.
        var distance = exact ? "c.embedding <=> @q::vector" : $"c.embedding::vector({dimension}) <=> @q::vector({dimension})";
        var sql = $"""
            SELECT c.id, {distance} AS distance
            FROM chunks c
            WHERE c.embedding_dim = {dimension} AND c.knowledge_base_id = ANY(@kbs) AND c.tenant_id = @tenant
              {(metadataFilter is null ? "" : "AND c.document_id IN (SELECT d.id FROM documents d WHERE d.knowledge_base_id = ANY(@kbs) AND d.metadata @> @filter::jsonb)")}
            ORDER BY {distance}
            LIMIT @limit
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("q", ToVectorLiteral(query.Span));
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

    /// <summary>
    /// Okapi BM25 over our own postings: idf = ln(1 + (N - df + 0.5) / (df + 0.5)), tf part
    /// tf (k1 + 1) / (tf + k1 (1 - b + b |d| / avgdl)), with N and avgdl over the searched knowledge bases.
    /// Exact top-<paramref name="limit"/> with MaxScore pruning: terms are taken rarest first, only chunks containing one
    /// of those ("essential") terms are scored (on all query terms), and the loop stops once the remaining terms'
    /// largest possible contribution, Σ qtf·idf·(k1+1), cannot lift any other chunk above the current last place.
    /// Common terms then never have their long posting lists scanned.
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
        await using (var stats = new NpgsqlCommand("""
            SELECT coalesce(sum(chunk_count), 0)::float8, coalesce(sum(total_terms), 0)::float8 / greatest(coalesce(sum(chunk_count), 0), 1)
            FROM knowledge_base_stats WHERE knowledge_base_id = ANY(@kbs)
            """, connection, transaction))
        {
            stats.Parameters.AddWithValue("kbs", kbs);
            await using var reader = await stats.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (n, avgdl) = (reader.GetDouble(0), Math.Max(reader.GetDouble(1), 1));
        }
        var terms = new List<(string Term, int Qtf, double Idf)>();
        await using (var df = new NpgsqlCommand("""
            SELECT term, count(*)::float8 FROM chunk_terms WHERE term = ANY(@terms) AND knowledge_base_id = ANY(@kbs) GROUP BY term
            """, connection, transaction))
        {
            df.Parameters.AddWithValue("terms", queryTerms.Keys.ToArray());
            df.Parameters.AddWithValue("kbs", kbs);
            await using var reader = await df.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var frequency = reader.GetDouble(1);
                terms.Add((reader.GetString(0), queryTerms[reader.GetString(0)], Math.Log(1 + (n - frequency + 0.5) / (frequency + 0.5))));
            }
        }
        if (terms.Count == 0)
        {
            return [];
        }
        terms = [.. terms.OrderByDescending(t => t.Idf).ThenBy(t => t.Term, StringComparer.Ordinal)];
        for (var essential = 1; ; essential++)
        {
            var hits = await ScoreAsync(connection, transaction, kbs, terms, essential, metadataFilter, limit, k1, b, avgdl, ct);
            var threshold = hits.Count >= limit ? hits[limit - 1].Score : 0;
            var remainingBound = terms.Skip(essential).Sum(t => t.Qtf * t.Idf * (k1 + 1));
            if (essential == terms.Count || remainingBound < threshold)
            {
                return hits;
            }
        }
    }

    /// <summary>Full BM25 over all query terms for the chunks that contain one of the first <paramref name="essential"/> terms.</summary>
    private static async Task<List<(Guid Id, double Score)>> ScoreAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] kbs,
        List<(string Term, int Qtf, double Idf)> terms, int essential, string? metadataFilter, int limit, double k1, double b, double avgdl, CancellationToken ct)
    {
        var sql = $"""
            WITH q AS (SELECT * FROM unnest(@terms::text[], @qtf::int[], @idf::float8[]) AS q(term, qtf, idf)),
            candidates AS (
                SELECT DISTINCT chunk_id FROM chunk_terms
                WHERE term = ANY(@essential) AND knowledge_base_id = ANY(@kbs)
                {(metadataFilter is null ? "" : "AND chunk_id IN (SELECT c.id FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.knowledge_base_id = ANY(@kbs) AND d.metadata @> @filter::jsonb)")})
            SELECT p.chunk_id,
                   sum(q.qtf * q.idf * p.tf * (@k1 + 1) / (p.tf + @k1 * (1 - @b + @b * p.chunk_length / @avgdl))) AS score
            FROM candidates c
            CROSS JOIN q
            JOIN chunk_terms p ON p.term = q.term AND p.knowledge_base_id = ANY(@kbs) AND p.chunk_id = c.chunk_id
            GROUP BY p.chunk_id
            ORDER BY score DESC, p.chunk_id
            LIMIT @limit
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("terms", terms.Select(t => t.Term).ToArray());
        command.Parameters.AddWithValue("qtf", terms.Select(t => t.Qtf).ToArray());
        command.Parameters.AddWithValue("idf", terms.Select(t => t.Idf).ToArray());
        command.Parameters.AddWithValue("essential", terms.Take(essential).Select(t => t.Term).ToArray());
        command.Parameters.AddWithValue("kbs", kbs);
        command.Parameters.AddWithValue("k1", k1);
        command.Parameters.AddWithValue("b", b);
        command.Parameters.AddWithValue("avgdl", avgdl);
        command.Parameters.AddWithValue("limit", limit);
        if (metadataFilter is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("filter", NpgsqlDbType.Text) { Value = metadataFilter });
        }
        var hits = new List<(Guid, double)>(limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            hits.Add((reader.GetGuid(0), reader.GetDouble(1)));
        }
        return hits;
    }

    /// <summary>Text and provenance of the final chunks.</summary>
    public static async Task<Dictionary<Guid, SearchKnowledgeChunk>> LoadChunksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid tenantId, IReadOnlyList<Guid> chunkIds, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.id, c.document_id, d.title, c.knowledge_base_id, c.heading_path, c.page, c.text
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
                reader.GetFieldValue<string[]>(4), reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetString(6));
        }
        return chunks;
    }

    /// <summary>pgvector's text form; the Pgvector NuGet package does not work with Npgsql 10.</summary>
    public static string ToVectorLiteral(ReadOnlySpan<float> vector)
    {
        var text = new StringBuilder(vector.Length * 10).Append('[');
        for (var i = 0; i < vector.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            text.Append(vector[i].ToString("R", CultureInfo.InvariantCulture));
        }
        return text.Append(']').ToString();
    }
}

using System.Data;
using System.Text;
using Npgsql;
using VoiceHelper.Ai.Text;
using VoiceHelper.Knowledge.SearchKnowledge;
using VoiceHelper.Knowledge.Tests.Infrastructure;
using static VoiceHelper.Knowledge.Tests.Infrastructure.Api;

namespace VoiceHelper.Knowledge.Tests.SearchKnowledge;

/// <summary>The pruned SQL ranking must equal textbook BM25 computed by brute force over the same postings.</summary>
public sealed class Bm25ExactnessTests(KnowledgeAppWithWorker app) : IClassFixture<KnowledgeAppWithWorker>
{
    [Fact]
    public async Task Keyword_ranking_matches_brute_force_bm25()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client, settings: new { name = "bm25", chunk_size = 50, chunk_overlap = 0 });
        var random = new Random(3);
        string[] words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"];
        var paragraphs = Enumerable.Range(0, 120).Select(_ => string.Join(' ', Enumerable.Range(0, 5 + random.Next(30))
            .Select(_ => words[(int)Math.Min(words.Length - 1, Math.Floor(-Math.Log(random.NextDouble()) * 2.5))])) + ".");
        var id = await UploadNewAsync(client, kbId, "bm25.txt", Encoding.UTF8.GetBytes(string.Join("\n\n", paragraphs)));
        (await WaitForDocumentAsync(client, id, app.Worker)).GetProperty("status").GetString().ShouldBe("indexed");

        await using var connection = new NpgsqlConnection(app.KnowledgeDb);
        await connection.OpenAsync(Ct);
        var postings = new List<(Guid Chunk, string Term, int Tf, int Length)>();
        await using (var all = new NpgsqlCommand("SELECT chunk_id, term, tf, chunk_length FROM chunk_terms WHERE knowledge_base_id = @kb", connection))
        {
            all.Parameters.AddWithValue("kb", kbId);
            await using var reader = await all.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                postings.Add((reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3)));
            }
        }
        var lengths = postings.GroupBy(p => p.Chunk).ToDictionary(g => g.Key, g => g.First().Length);
        double n = lengths.Count, avgdl = lengths.Values.Average();
        const double k1 = 1.2, b = 0.75;

        foreach (var query in new[] { "alpha lima", "kilo juliet india", "alpha bravo charlie delta", "lima lima golf" })
        {
            var terms = TextTokenizer.Tokenize(query).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
            var expected = postings.Where(p => terms.ContainsKey(p.Term))
                .GroupBy(p => p.Chunk)
                .Select(g => (Chunk: g.Key, Score: g.Sum(p =>
                {
                    double df = postings.Count(x => x.Term == p.Term);
                    var idf = Bm25.Idf(n, df);
                    return terms[p.Term] * idf * p.Tf * (k1 + 1) / (p.Tf + k1 * (1 - b + b * p.Length / avgdl));
                })))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Chunk).Take(10).ToList();

            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, Ct);
            var actual = await SearchKnowledgeQueries.KeywordAsync(connection, transaction, [kbId], query, null, 10, k1, b, Ct);
            await transaction.CommitAsync(Ct);

            actual.Count.ShouldBe(expected.Count, query);
            for (var i = 0; i < expected.Count; i++)
            {
                actual[i].Score.ShouldBe(expected[i].Score, 1e-9, query);
            }
        }
    }

    [Fact]
    public async Task Document_frequencies_stay_exact_through_uploads_replacements_and_deletes()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client, settings: new { name = "df", chunk_size = 50, chunk_overlap = 0 });
        var first = await UploadNewAsync(client, kbId, "a.txt", Encoding.UTF8.GetBytes("Pump valve maintenance.\n\nValve seal and pump filter."));
        var second = await UploadNewAsync(client, kbId, "b.txt", Encoding.UTF8.GetBytes("Filter cartridge for the pump.\n\nReplace the cartridge yearly."));
        (await WaitForDocumentAsync(client, first, app.Worker)).GetProperty("status").GetString().ShouldBe("indexed");
        (await WaitForDocumentAsync(client, second, app.Worker)).GetProperty("status").GetString().ShouldBe("indexed");
        var replacement = await UploadNewAsync(client, kbId, "a.txt", Encoding.UTF8.GetBytes("Valve gasket only."));
        (await WaitForDocumentAsync(client, replacement, app.Worker)).GetProperty("status").GetString().ShouldBe("indexed");
        await using var connection = new NpgsqlConnection(app.KnowledgeDb);
        await connection.OpenAsync(Ct);
        (await DocumentFrequencyMismatchesAsync(connection, kbId)).ShouldBe(0);
        (await TermStatsAsync(connection, kbId)).ShouldContainKey("gasket");
        (await TermStatsAsync(connection, kbId)).ShouldNotContainKey("seal");

        (await client.DeleteAsync($"/api/v1/knowledge/documents/{second}", Ct)).IsSuccessStatusCode.ShouldBeTrue();

        (await DocumentFrequencyMismatchesAsync(connection, kbId)).ShouldBe(0);
        (await OrphanPostingsAsync(connection)).ShouldBe(0);
        var stats = await TermStatsAsync(connection, kbId);
        stats.ShouldNotContainKey("cartridg");
        stats["valv"].ShouldBe(1);
    }

    private static async Task<long> DocumentFrequencyMismatchesAsync(NpgsqlConnection connection, Guid kbId)
    {
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM (SELECT term, count(*) AS df FROM chunk_terms WHERE knowledge_base_id = @kb GROUP BY term) c
            FULL JOIN (SELECT term, df FROM term_stats WHERE knowledge_base_id = @kb) s USING (term)
            WHERE c.df IS DISTINCT FROM s.df
            """, connection);
        command.Parameters.AddWithValue("kb", kbId);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>Postings or term vectors left behind by deleted chunks (they would skew every later idf).</summary>
    private static async Task<long> OrphanPostingsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM chunk_terms t WHERE NOT EXISTS (SELECT 1 FROM chunks c WHERE c.id = t.chunk_id))
                 + (SELECT count(*) FROM chunk_term_vectors v WHERE NOT EXISTS (SELECT 1 FROM chunks c WHERE c.id = v.chunk_id))
            """, connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<Dictionary<string, long>> TermStatsAsync(NpgsqlConnection connection, Guid kbId)
    {
        await using var command = new NpgsqlCommand("SELECT term, df FROM term_stats WHERE knowledge_base_id = @kb", connection);
        command.Parameters.AddWithValue("kb", kbId);
        var stats = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            stats[reader.GetString(0)] = reader.GetInt64(1);
        }
        return stats;
    }
}

using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using VoiceHelper.Knowledge.Tests.Infrastructure;
using static VoiceHelper.Knowledge.Tests.Infrastructure.Api;

namespace VoiceHelper.Ingestion.Tests.ReembedKnowledgeBases;

/// <summary>
/// The lexical embedder weights words by the knowledge base (decision 0009). A knowledge base's first document is
/// weighted by itself alone, where its own topic word is in every chunk and so counts for nothing; once the knowledge
/// base has grown more than twofold, the worker re-embeds that document with today's statistics.
/// </summary>
public sealed class RefreshCorpusWeightsTests(KnowledgeAppWithWorker app) : IClassFixture<KnowledgeAppWithWorker>
{
    private static string Manual(string topic, string[] words) =>
        string.Join("\n\n", words.Select((w, i) =>
            $"Section {i}. The {topic} {w} needs care. Check the {topic} {w} weekly and replace the {topic} {w} yearly. Keep the {w} clean and dry at all times."));

    [Fact]
    public async Task A_first_document_is_re_weighted_once_the_knowledge_base_has_grown()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client, settings: new { name = "growing", chunk_size = 50, chunk_overlap = 0 });
        var first = await UploadNewAsync(client, kbId, "dehumidifier.txt",
            Encoding.UTF8.GetBytes(Manual("dehumidifier", ["filter", "hose", "tank", "fan"])));
        await WaitForDocumentAsync(client, first, app.Worker);
        var before = await TopVectorScoreAsync(client, kbId, first);
        var updatedAt = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/bases/{kbId}", Ct)).GetProperty("updated_at").GetString();

        string[][] others = [["blade", "motor", "guard", "cord"], ["lamp", "switch", "bulb", "shade"], ["pump", "valve", "seal", "gauge"], ["drum", "door", "belt", "lint"]];
        foreach (var (words, i) in others.Select((w, i) => (w, i)))
        {
            var doc = await UploadNewAsync(client, kbId, $"other{i}.txt", Encoding.UTF8.GetBytes(Manual($"appliance{i}", words)));
            await WaitForDocumentAsync(client, doc, app.Worker);
        }
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await StaleChunksAsync(kbId) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
        }
        (await StaleChunksAsync(kbId)).ShouldBe(0, app.Worker!.Output);
        // "dehumidifier" now weighs what a word of one document in five weighs, not what a word of every chunk weighed.
        (await TopVectorScoreAsync(client, kbId, first)).ShouldBeGreaterThan(before + 0.1);
        // A refresh of weights is not a change the tenant made.
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/bases/{kbId}", Ct)).GetProperty("updated_at").GetString().ShouldBe(updatedAt);
    }

    [Fact]
    public async Task The_knowledge_base_status_counts_chunks_with_stale_weights()
    {
        await using var service = new KnowledgeApp();
        await service.InitializeAsync();
        var client = service.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client, settings: new { name = "status", chunk_size = 50, chunk_overlap = 0 });
        await using (var worker = await WorkerProcess.StartAsync(service.KnowledgeDb, service.EventsDb, cancellationToken: TestContext.Current.CancellationToken))
        {
            var doc = await UploadNewAsync(client, kbId, "manual.txt", Encoding.UTF8.GetBytes(Manual("heater", ["coil", "dial", "grill", "plug", "fuse", "knob", "vent", "base"])));
            await WaitForDocumentAsync(client, doc, worker);
        }
        (await EmbeddingStatusAsync(client, kbId)).GetProperty("stale_weight_chunks").GetInt64().ShouldBe(0);

        // As after a bulk load, with no worker running to refresh them: every chunk weighted by a one-chunk corpus.
        long chunks;
        await using (var connection = new NpgsqlConnection(service.KnowledgeDb))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("UPDATE chunks SET embedding_corpus_chunks = 1 WHERE knowledge_base_id = @kb", connection);
            command.Parameters.AddWithValue("kb", kbId);
            chunks = await command.ExecuteNonQueryAsync(Ct);
        }
        chunks.ShouldBeGreaterThan(3);
        var status = await EmbeddingStatusAsync(client, kbId);
        status.GetProperty("stale_weight_chunks").GetInt64().ShouldBe(chunks);
        // The embedder itself has not changed.
        status.GetProperty("status").GetString().ShouldBe("current");
        status.GetProperty("pending_chunks").GetInt64().ShouldBe(0);
    }

    private static async Task<JsonElement> EmbeddingStatusAsync(HttpClient client, Guid kbId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/bases/{kbId}", Ct)).GetProperty("embedding");

    private static async Task<double> TopVectorScoreAsync(HttpClient client, Guid kbId, Guid expected)
    {
        var top = (await SearchAsync(client, new { query = "dehumidifier", kb_ids = new[] { kbId }, mode = "vector" })).Results().First();
        top.GetProperty("document_id").GetGuid().ShouldBe(expected);
        return top.GetProperty("vector").GetProperty("score").GetDouble();
    }

    /// <summary>Chunks weighted by a corpus more than twice smaller or larger than the knowledge base is now.</summary>
    private async Task<long> StaleChunksAsync(Guid kbId)
    {
        await using var connection = new NpgsqlConnection(app.KnowledgeDb);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM chunks c JOIN knowledge_base_stats s USING (knowledge_base_id)
            WHERE c.knowledge_base_id = @kb AND (c.embedding_corpus_chunks IS NULL OR c.embedding_corpus_chunks < s.chunk_count / 2 OR c.embedding_corpus_chunks > s.chunk_count * 2)
            """, connection);
        command.Parameters.AddWithValue("kb", kbId);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}

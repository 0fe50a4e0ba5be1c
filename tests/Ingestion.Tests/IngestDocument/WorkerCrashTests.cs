using System.Text;
using Npgsql;
using VoiceHelper.Knowledge.Tests.Infrastructure;
using static VoiceHelper.Knowledge.Tests.Infrastructure.Api;

namespace VoiceHelper.Ingestion.Tests.IngestDocument;

public sealed class WorkerCrashTests(KnowledgeAppWithWorker app) : IClassFixture<KnowledgeAppWithWorker>
{
    [Fact]
    public async Task A_worker_killed_mid_document_finishes_it_after_restart_without_duplicate_chunks()
    {
        var worker = app.Worker!;
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client, settings: new { name = "crash", chunk_size = 60, chunk_overlap = 0 });
        // Big enough that embedding takes a while in small batches: the kill lands while it is "processing".
        var text = string.Join("\n\n", Enumerable.Range(0, 6000).Select(i => $"Crash test paragraph {i} describes the unique item kilo{i}."));
        var id = await UploadNewAsync(client, kbId, "crash.txt", Encoding.UTF8.GetBytes(text));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await GetDocumentAsync(client, id)).GetProperty("status").GetString() == "pending" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, Ct);
        }
        var before = await GetDocumentAsync(client, id);
        before.GetProperty("status").GetString().ShouldBe("processing", "the kill must land mid-document");
        worker.Kill();
        (await GetDocumentAsync(client, id)).GetProperty("status").GetString().ShouldBe("processing");

        await worker.StartAsync(TestContext.Current.CancellationToken);
        var document = await WaitForDocumentAsync(client, id, worker, seconds: 120);
        document.GetProperty("status").GetString().ShouldBe("indexed", worker.Output);
        var chunkCount = document.GetProperty("chunk_count").GetInt32();

        await using var db = new NpgsqlConnection(app.KnowledgeDb);
        await db.OpenAsync(Ct);
        await using var count = new NpgsqlCommand("SELECT count(*), count(DISTINCT ordinal) FROM chunks WHERE document_id = @id", db);
        count.Parameters.AddWithValue("id", id);
        await using (var reader = await count.ExecuteReaderAsync(Ct))
        {
            await reader.ReadAsync(Ct);
            reader.GetInt64(0).ShouldBe(chunkCount);
            reader.GetInt64(1).ShouldBe(chunkCount);
        }
        await using var stats = new NpgsqlCommand("SELECT chunk_count FROM knowledge_base_stats WHERE knowledge_base_id = @kb", db);
        stats.Parameters.AddWithValue("kb", kbId);
        ((long)(await stats.ExecuteScalarAsync(Ct))!).ShouldBe(chunkCount);

        var hit = (await SearchAsync(client, new { query = "kilo5999", kb_ids = new[] { kbId }, mode = "keyword" })).Results().ToList();
        hit.Count.ShouldBe(1);
    }
}

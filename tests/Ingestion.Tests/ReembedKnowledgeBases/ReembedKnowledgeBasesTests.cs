using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using VoiceHelper.Knowledge.Tests.Infrastructure;
using static VoiceHelper.Knowledge.Tests.Infrastructure.Api;

namespace VoiceHelper.Ingestion.Tests.ReembedKnowledgeBases;

/// <summary>
/// The operator changes the embedder (here the embedded one's size, 384 -> 256: another vector space, no model server
/// needed): the worker on the new configuration re-embeds the existing knowledge base in the background, and search
/// through a service on the new configuration finds its documents by vector again.
/// </summary>
public sealed class ReembedKnowledgeBasesTests
{
    private static readonly Dictionary<string, string> NewEmbedder = new() { ["Embeddings:Dimensions"] = "256" };

    [Fact]
    public async Task Changing_the_embedder_re_embeds_existing_knowledge_bases_and_vector_search_works_on_the_new_one()
    {
        await using var before = new KnowledgeApp();
        await before.InitializeAsync();
        var tenant = Guid.NewGuid();
        var oldClient = before.ClientForNewTenant(tenant);
        var kbId = await CreateKnowledgeBaseAsync(oldClient, settings: new { name = "manuals", chunk_size = 60, chunk_overlap = 0 });
        var manual = string.Join("\n\n", Enumerable.Range(0, 12).Select(i => $"Section {i}. The dehumidifier model {i} drains through the rear hose; clean filter {i} monthly."))
            + "\n\nThe compressor warranty lasts seven years from the date of purchase.";
        Guid documentId;
        await using (var oldWorker = await WorkerProcess.StartAsync(before.KnowledgeDb, before.EventsDb, cancellationToken: TestContext.Current.CancellationToken))
        {
            documentId = await UploadNewAsync(oldClient, kbId, "manual.txt", Encoding.UTF8.GetBytes(manual));
            (await WaitForDocumentAsync(oldClient, documentId, oldWorker)).GetProperty("status").GetString().ShouldBe("indexed");
        }
        (await ChunkDimensionsAsync(before.KnowledgeDb, kbId)).ShouldBe([384]);

        await using var after = KnowledgeApp.Reconfigured(before, NewEmbedder);
        await after.InitializeAsync();
        var client = after.ClientForNewTenant(tenant);
        var stale = await client.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/bases/{kbId}", Ct);
        stale.GetProperty("embedding").GetProperty("status").GetString().ShouldBe("reembedding");
        stale.GetProperty("embedding").GetProperty("pending_chunks").GetInt64().ShouldBeGreaterThan(0);
        // Until re-embedded, vectors of the old space are never compared with a query of the new one.
        var meanwhile = await SearchAsync(client, new { query = "compressor warranty", kb_ids = new[] { kbId }, mode = "vector" });
        meanwhile.GetProperty("results").GetArrayLength().ShouldBe(0);

        await using var newWorker = await WorkerProcess.StartAsync(after.KnowledgeDb, after.EventsDb,
            NewEmbedder.ToDictionary(e => e.Key.Replace(":", "__", StringComparison.Ordinal), e => e.Value), cancellationToken: TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement kb;
        do
        {
            await Task.Delay(200, Ct);
            kb = await client.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/bases/{kbId}", Ct);
        }
        while (kb.GetProperty("embedding").GetProperty("status").GetString() != "current" && DateTime.UtcNow < deadline);

        kb.GetProperty("embedding").GetProperty("status").GetString().ShouldBe("current", newWorker.Output);
        kb.GetProperty("embedding_dimension").GetInt32().ShouldBe(256);
        (await ChunkDimensionsAsync(after.KnowledgeDb, kbId)).ShouldBe([256]);
        var found = await SearchAsync(client, new { query = "compressor warranty", kb_ids = new[] { kbId }, mode = "vector" });
        var top = found.GetProperty("results")[0];
        top.GetProperty("document_id").GetGuid().ShouldBe(documentId);
        top.GetProperty("text").GetString()!.ShouldContain("compressor warranty");
        // Documents uploaded after the change are embedded by the new worker directly.
        var later = await UploadNewAsync(client, kbId, "later.txt", Encoding.UTF8.GetBytes("The humidistat dial sets the target humidity."));
        (await WaitForDocumentAsync(client, later, newWorker)).GetProperty("status").GetString().ShouldBe("indexed");
        (await ChunkDimensionsAsync(after.KnowledgeDb, kbId)).ShouldBe([256]);
    }

    private static async Task<List<int>> ChunkDimensionsAsync(string knowledgeDb, Guid kbId)
    {
        await using var connection = new NpgsqlConnection(knowledgeDb);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT vector_dims(embedding) FROM chunks WHERE knowledge_base_id = @kb ORDER BY 1", connection);
        command.Parameters.AddWithValue("kb", kbId);
        var dimensions = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            dimensions.Add(reader.GetInt32(0));
        }
        return dimensions;
    }
}

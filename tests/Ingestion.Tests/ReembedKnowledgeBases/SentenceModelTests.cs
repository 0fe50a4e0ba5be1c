using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VoiceHelper.Knowledge.Tests.Infrastructure;
using static VoiceHelper.Knowledge.Tests.Infrastructure.Api;

namespace VoiceHelper.Ingestion.Tests.ReembedKnowledgeBases;

/// <summary>
/// Installing the sentence model (decision 0010): knowledge bases indexed by the lexical embedder move in the background,
/// an English one to all-MiniLM-L6-v2 and a Chinese one nowhere; afterwards vector search finds an English answer by
/// meaning, with no word in common, and a Chinese one still by its characters.
/// </summary>
public sealed class SentenceModelTests
{
    private const string ToolsVariable = "VOICEHELPER_TOOLS_DIR";

    private static readonly Dictionary<string, string> WithModel = new() { ["Embeddings:Provider"] = "auto", ["Embeddings:Sentence:Threads"] = "1" };

    [Fact]
    public async Task English_bases_move_to_the_sentence_model_and_chinese_ones_stay_lexical()
    {
        var tools = Environment.GetEnvironmentVariable(ToolsVariable);
        if (tools is null || !File.Exists(Path.Combine(tools, "models", "all-MiniLM-L6-v2", "model.onnx")))
        {
            Assert.Skip($"Set {ToolsVariable} to a folder holding models/all-MiniLM-L6-v2 (scripts/fetch-embedding-model.sh).");
        }
        await using var before = new KnowledgeApp();
        await before.InitializeAsync();
        var tenant = Guid.NewGuid();
        var lexicalClient = before.ClientForNewTenant(tenant);
        var english = await CreateKnowledgeBaseAsync(lexicalClient, "manuals");
        var chinese = await CreateKnowledgeBaseAsync(lexicalClient, "售后");
        Guid refund, chineseDocument;
        await using (var lexicalWorker = await WorkerProcess.StartAsync(before.KnowledgeDb, before.EventsDb, cancellationToken: TestContext.Current.CancellationToken))
        {
            refund = await UploadNewAsync(lexicalClient, english, "refunds.txt",
                Encoding.UTF8.GetBytes("Refunds are issued to the original payment method within five business days of approval."));
            var printer = await UploadNewAsync(lexicalClient, english, "printer.txt",
                Encoding.UTF8.GetBytes("The printer supports duplex scanning and prints twenty pages per minute."));
            chineseDocument = await UploadNewAsync(lexicalClient, chinese, "退货.txt", Encoding.UTF8.GetBytes("收到商品后七天内可以申请退货，运费由卖家承担。"));
            foreach (var id in new[] { refund, printer, chineseDocument })
            {
                (await WaitForDocumentAsync(lexicalClient, id, lexicalWorker)).GetProperty("status").GetString().ShouldBe("indexed");
            }
        }

        await using var after = KnowledgeApp.Reconfigured(before, WithModel);
        await after.InitializeAsync();
        var client = after.ClientForNewTenant(tenant);
        await using var worker = await WorkerProcess.StartAsync(after.KnowledgeDb, after.EventsDb,
            WithModel.ToDictionary(e => e.Key.Replace(":", "__", StringComparison.Ordinal), e => e.Value), cancellationToken: TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        JsonElement englishBase;
        do
        {
            await Task.Delay(200, Ct);
            englishBase = await client.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/bases/{english}", Ct);
        }
        while ((englishBase.GetProperty("embedding_model").GetString() != "all-MiniLM-L6-v2"
                || englishBase.GetProperty("embedding").GetProperty("status").GetString() != "current") && DateTime.UtcNow < deadline);
        englishBase.GetProperty("embedding_model").GetString().ShouldBe("all-MiniLM-L6-v2", worker.Output);
        englishBase.GetProperty("embedding").GetProperty("status").GetString().ShouldBe("current", worker.Output);
        var chineseBase = await client.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/bases/{chinese}", Ct);
        chineseBase.GetProperty("embedding_model").GetString().ShouldBe(VoiceHelper.Ai.Embeddings.HashedNgramEmbeddingGenerator.ModelId);
        chineseBase.GetProperty("embedding").GetProperty("status").GetString().ShouldBe("current");

        // No word of the question is in the answer: only meaning connects them.
        var byMeaning = await SearchAsync(client, new { query = "how do I get my money back", kb_ids = new[] { english, chinese }, mode = "vector" });
        byMeaning.Results().First().GetProperty("document_id").GetGuid().ShouldBe(refund);
        var byCharacters = await SearchAsync(client, new { query = "怎么申请退货", kb_ids = new[] { english, chinese }, mode = "vector" });
        byCharacters.Results().Select(r => r.GetProperty("document_id").GetGuid()).ShouldContain(chineseDocument);
    }
}

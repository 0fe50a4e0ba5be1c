using VoiceHelper.Assistant.Tests.Infrastructure;
using static VoiceHelper.Assistant.Tests.Infrastructure.Api;

namespace VoiceHelper.Assistant.Tests.InvalidateAnswerCache;

[Collection(RagCollection.Name)]
public sealed class SemanticCacheTests(RagSystem system)
{
    private static bool CacheHit(System.Text.Json.JsonElement answer) => answer.GetProperty("metrics").GetProperty("cache_hit").GetBoolean();

    [Fact]
    public async Task A_paraphrase_hits_the_cache_and_a_changed_knowledge_base_misses_it()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);

        // The document.indexed of the upload reaches the Assistant through the bus, and under load it may arrive after the
        // first answer was cached: that late event rightly drops the answer. So ask again until one pair hits.
        var first = await tenant.AskAsync(kb, "How many days do I have to return an item?", useCache: true);
        CacheHit(first).ShouldBeFalse();
        var paraphrase = await tenant.AskAsync(kb, "how many days do i have to return the item", useCache: true);
        for (var attempt = 0; attempt < 10 && !CacheHit(paraphrase); attempt++)
        {
            await Task.Delay(500, Ct);
            first = await tenant.AskAsync(kb, "How many days do I have to return an item?", useCache: true);
            paraphrase = await tenant.AskAsync(kb, "how many days do i have to return the item", useCache: true);
        }

        CacheHit(paraphrase).ShouldBeTrue();
        paraphrase.GetProperty("answer").GetString().ShouldBe(first.GetProperty("answer").GetString());
        paraphrase.Features().ShouldContain("semantic_cache");
        paraphrase.GetProperty("metrics").GetProperty("retrieval_latency").GetDouble().ShouldBe(0);

        // A new document in the knowledge base publishes document.indexed, which must drop the cached answers.
        await tenant.IndexAsync(kb, "shipping.md", SupportDocuments.Shipping);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        System.Text.Json.JsonElement after;
        do
        {
            after = await tenant.AskAsync(kb, "How many days do I have to return an item?", useCache: true);
            if (!CacheHit(after))
            {
                break;
            }
            await Task.Delay(100, Ct);
        }
        while (DateTime.UtcNow < deadline);
        CacheHit(after).ShouldBeFalse("document.indexed did not invalidate the cached answer");
    }

    [Fact]
    public async Task Deleting_the_document_drops_answers_cached_from_it()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        var document = await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);
        // As above: the upload's own document.indexed may arrive late and drop the first cached answer.
        var cached = false;
        for (var attempt = 0; attempt < 10 && !cached; attempt++)
        {
            await tenant.AskAsync(kb, "How many days do I have to return an item?", useCache: true);
            cached = CacheHit(await tenant.AskAsync(kb, "How many days do I have to return an item?", useCache: true));
            if (!cached)
            {
                await Task.Delay(500, Ct);
            }
        }
        cached.ShouldBeTrue();

        using (var deleted = await tenant.Knowledge.DeleteAsync($"/api/v1/knowledge/documents/{document}", Ct))
        {
            ((int)deleted.StatusCode).ShouldBe(204);
        }

        // document.deleted travels through Knowledge's outbox and the bus to the Assistant's cache.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        System.Text.Json.JsonElement after;
        do
        {
            after = await tenant.AskAsync(kb, "How many days do I have to return an item?", useCache: true);
            if (!CacheHit(after))
            {
                break;
            }
            await Task.Delay(100, Ct);
        }
        while (DateTime.UtcNow < deadline);
        CacheHit(after).ShouldBeFalse("document.deleted did not invalidate the cached answer");
        after.GetProperty("answer").GetString()!.ShouldNotContain("30 days");
    }

    [Fact]
    public async Task Use_cache_false_bypasses_the_cache_and_another_tenant_never_sees_a_cached_answer()
    {
        var tenant = system.NewTenant();
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "shipping.md", SupportDocuments.Shipping);
        await tenant.AskAsync(kb, "How long does express shipping take?", useCache: true);

        var bypass = await tenant.AskAsync(kb, "How long does express shipping take?", useCache: false);
        var stranger = system.NewTenant();
        var response = await stranger.Assistant.PostAsync("/api/v1/rag/query", System.Net.Http.Json.JsonContent.Create(
            new { query = "How long does express shipping take?", kb_ids = new[] { kb }, use_cache = true }), Ct);

        CacheHit(bypass).ShouldBeFalse();
        bypass.Features().ShouldNotContain("semantic_cache");
        await response.ShouldBeProblemAsync(System.Net.HttpStatusCode.NotFound, "knowledge_base_not_found");
    }

    [Fact]
    public async Task With_redis_down_the_assistant_still_answers_without_the_cache()
    {
        // Its own bus: as a member of the shared consumer group it would take partitions whose invalidations it
        // cannot apply without Redis (in production every instance shares one Redis).
        var assistant = system.StartAssistant(new Dictionary<string, string?>
        {
            ["ConnectionStrings:cache"] = "127.0.0.1:1,connectTimeout=200",
            ["ConnectionStrings:eventsdb"] = await VoiceHelper.Testing.TestServers.CreateDatabaseAsync("events_noredis"),
            // And its own outbox: its relay would otherwise move the shared host's usage events to this other bus.
            ["ConnectionStrings:assistantdb"] = await VoiceHelper.Testing.TestServers.CreateDatabaseAsync("assistant_noredis"),
        });
        var tenant = system.NewTenant(assistant);
        var kb = await tenant.CreateKnowledgeBaseAsync();
        await tenant.IndexAsync(kb, "returns.md", SupportDocuments.Returns);

        var answer = await tenant.AskAsync(kb, "How many days do I have to return an item?", useCache: true);

        answer.GetProperty("answer").GetString()!.ShouldContain("30 days");
        CacheHit(answer).ShouldBeFalse();
        answer.Features().ShouldContain("cache_unavailable");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using VoiceHelper.Knowledge.Tests.Infrastructure;
using static VoiceHelper.Knowledge.Tests.Infrastructure.Api;

namespace VoiceHelper.Knowledge.Tests.SearchKnowledge;

public sealed class SearchKnowledgeTests(KnowledgeAppWithWorker app) : IClassFixture<KnowledgeAppWithWorker>
{
    private static readonly string[] Corpus =
    [
        "Billing\n\nInvoices are sent on the first day of each month. Payment is due within thirty days by card or bank transfer.",
        "Router setup\n\nTo reset the router, hold the recessed button for ten seconds until the light blinks amber.",
        "Firmware\n\nThe firmware updater XQ-7731 patches the bootloader. Run the updater only while the device is charging.",
        "Shipping\n\nParcels ship within two business days. International delivery takes seven to fourteen days.",
        "Refunds\n\nRefunds are issued to the original payment method within five business days after the return arrives.",
        "Accounts\n\nTo change your password open settings, choose security and follow the instructions in the email.",
    ];

    private async Task<(HttpClient Client, Guid KbId, Guid[] Docs)> IndexCorpusAsync()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        var docs = new Guid[Corpus.Length];
        for (var i = 0; i < Corpus.Length; i++)
        {
            docs[i] = await UploadNewAsync(client, kbId, $"doc{i}.txt", Encoding.UTF8.GetBytes(Corpus[i]), metadata: $$"""{"section":"s{{i}}","lang":"en"}""");
        }
        foreach (var doc in docs)
        {
            (await WaitForDocumentAsync(client, doc, app.Worker)).GetProperty("status").GetString().ShouldBe("indexed");
        }
        return (client, kbId, docs);
    }

    [Fact]
    public async Task Keyword_finds_an_exact_rare_term_vector_finds_a_misspelling_and_hybrid_ranks_the_chunk_both_find_first()
    {
        var (client, kbId, docs) = await IndexCorpusAsync();

        var keyword = await SearchAsync(client, new { query = "XQ-7731", kb_ids = new[] { kbId }, mode = "keyword" });
        var top = keyword.Results().First();
        top.GetProperty("document_id").GetGuid().ShouldBe(docs[2]);
        top.GetProperty("keyword").GetProperty("rank").GetInt32().ShouldBe(1);
        top.GetProperty("keyword").GetProperty("score").GetDouble().ShouldBeGreaterThan(0);
        top.TryGetProperty("vector", out var none).ShouldBeTrue();
        none.ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        // "firmwear updatr" shares no keyword term with the document, but most character n-grams.
        var misspelt = await SearchAsync(client, new { query = "firmwear updatr", kb_ids = new[] { kbId }, mode = "keyword" });
        misspelt.Results().ShouldBeEmpty();
        var vector = await SearchAsync(client, new { query = "firmwear updatr", kb_ids = new[] { kbId }, mode = "vector" });
        vector.Results().First().GetProperty("document_id").GetGuid().ShouldBe(docs[2]);
        vector.Results().First().GetProperty("vector").GetProperty("rank").GetInt32().ShouldBe(1);

        var hybrid = await SearchAsync(client, new { query = "reset router button", kb_ids = new[] { kbId }, mode = "hybrid" });
        var first = hybrid.Results().First();
        first.GetProperty("document_id").GetGuid().ShouldBe(docs[1]);
        first.GetProperty("vector").GetProperty("rank").GetInt32().ShouldBe(1);
        first.GetProperty("keyword").GetProperty("rank").GetInt32().ShouldBe(1);
        first.GetProperty("score").GetDouble().ShouldBe(2.0 / 61, 1e-9);
        hybrid.GetProperty("effective_mode").GetString().ShouldBe("hybrid");
        hybrid.GetProperty("fallback_reason").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        first.GetProperty("document_title").GetString().ShouldBe("doc1");
    }

    [Fact]
    public async Task Vector_search_weights_words_by_how_distinctive_they_are_in_the_knowledge_base()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        string[] texts =
        [
            "Printer jam\n\nIf the printer reports a jam, open the printer cover and remove the paper from the printer rollers.",
            "Printer toner\n\nReplace the printer toner when the printer shows a low toner warning.",
            "Duplex\n\nThe duplex unit turns pages for two-sided output.",
            "Printer network\n\nConnect the printer to wifi from the printer control panel.",
        ];
        var docs = new List<Guid>();
        foreach (var (text, i) in texts.Select((t, i) => (t, i)))
        {
            docs.Add(await UploadNewAsync(client, kbId, $"printer{i}.txt", Encoding.UTF8.GetBytes(text)));
        }
        foreach (var doc in docs)
        {
            await WaitForDocumentAsync(client, doc, app.Worker);
        }
        // "printer" is in three of the four chunks and says little; "duplex" is in one. Weighted alike, the chunks
        // that repeat "printer" (a longer word, more character n-grams) would come first (decision 0009).
        var result = await SearchAsync(client, new { query = "duplex printer", kb_ids = new[] { kbId }, mode = "vector" });
        result.Results().First().GetProperty("document_id").GetGuid().ShouldBe(docs[2]);
    }

    [Fact]
    public async Task A_query_with_nothing_to_weigh_finds_nothing_rather_than_failing()
    {
        var (client, kbId, _) = await IndexCorpusAsync();
        // Only stop words, or only words the knowledge base has never seen (Chinese here): the weighted query vector
        // is empty, and cosine against it is undefined.
        foreach (var query in new[] { "how do you", "退款多久" })
        {
            foreach (var mode in new[] { "vector", "hybrid", "keyword" })
            {
                var result = await SearchAsync(client, new { query, kb_ids = new[] { kbId }, mode });
                result.Results().ShouldBeEmpty($"{mode}: {query}");
                result.GetProperty("effective_mode").GetString().ShouldBe(mode);
            }
        }
    }

    [Fact]
    public async Task Metadata_filters_restrict_results()
    {
        var (client, kbId, docs) = await IndexCorpusAsync();
        var filtered = await SearchAsync(client, new { query = "days", kb_ids = new[] { kbId }, metadata = new { section = "s4" }, top_k = 10 });
        filtered.Results().Select(r => r.GetProperty("document_id").GetGuid()).Distinct().ShouldBe([docs[4]]);
    }

    [Fact]
    public async Task Chinese_documents_are_found_by_chinese_queries()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client, "中文");
        var zh = await UploadNewAsync(client, kbId, "退货.md", Encoding.UTF8.GetBytes("# 退货政策\n\n收到商品后七天内可以申请退货。退款将在五个工作日内退回原支付方式。"));
        var other = await UploadNewAsync(client, kbId, "发货.md", Encoding.UTF8.GetBytes("# 发货\n\n订单通常在两个工作日内发货。国际快递需要七到十四天。"));
        await WaitForDocumentAsync(client, zh, app.Worker);
        await WaitForDocumentAsync(client, other, app.Worker);
        foreach (var mode in new[] { "keyword", "vector", "hybrid" })
        {
            var result = await SearchAsync(client, new { query = "怎么申请退货", kb_ids = new[] { kbId }, mode });
            result.Results().First().GetProperty("document_id").GetGuid().ShouldBe(zh, mode);
        }
        var hit = (await SearchAsync(client, new { query = "退款", kb_ids = new[] { kbId }, mode = "keyword" })).Results().First();
        hit.GetProperty("heading_path")[0].GetString().ShouldBe("退货政策");
    }

    [Fact]
    public async Task A_new_version_replaces_the_old_one_atomically_while_searches_run()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        var v1 = await UploadNewAsync(client, kbId, "policy.txt", Encoding.UTF8.GetBytes(VersionText("alpha")));
        await WaitForDocumentAsync(client, v1, app.Worker);

        using var stop = new CancellationTokenSource();
        var observed = new List<int>();
        var searcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await SearchAsync(client, new { query = "policy version marker", kb_ids = new[] { kbId }, mode = "keyword", top_k = 100 });
                var texts = result.Results().Select(r => r.GetProperty("text").GetString()!).ToList();
                // Each search sees exactly one version: all chunks say alpha, or all say beta.
                var versions = texts.Select(t => t.Contains("alpha", StringComparison.Ordinal) ? "alpha" : "beta").Distinct().Count();
                lock (observed)
                {
                    observed.Add(texts.Count == 0 ? 0 : versions);
                }
            }
        }, Ct);

        var upload = await UploadAsync(client, kbId, "policy.txt", Encoding.UTF8.GetBytes(VersionText("beta")));
        upload.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var v2Body = System.Text.Json.JsonDocument.Parse(await upload.Content.ReadAsStringAsync(Ct)).RootElement;
        v2Body.GetProperty("replaces_document_id").GetGuid().ShouldBe(v1);
        var v2 = v2Body.GetProperty("document_id").GetGuid();
        await WaitForDocumentAsync(client, v2, app.Worker);
        await stop.CancelAsync();
        await searcher;

        observed.ShouldNotBeEmpty();
        observed.ShouldAllBe(v => v == 1);
        (await client.GetAsync($"/api/v1/knowledge/documents/{v1}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var after = await SearchAsync(client, new { query = "policy version marker", kb_ids = new[] { kbId }, mode = "keyword", top_k = 100 });
        after.Results().ShouldAllBe(r => r.GetProperty("text").GetString()!.Contains("beta"));
    }

    [Fact]
    public async Task Deleting_a_document_while_it_is_processed_leaves_nothing_behind()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        var text = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => $"Paragraph {i} about the deletion marker zebra."));
        var id = await UploadNewAsync(client, kbId, "big.txt", Encoding.UTF8.GetBytes(text));
        (await client.DeleteAsync($"/api/v1/knowledge/documents/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/v1/knowledge/documents/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A later document in the same partition being indexed proves the worker has moved past the deleted one.
        var marker = await UploadNewAsync(client, kbId, "after.txt", Encoding.UTF8.GetBytes("Unrelated later document."));
        await WaitForDocumentAsync(client, marker, app.Worker);
        (await SearchAsync(client, new { query = "zebra deletion marker", kb_ids = new[] { kbId }, mode = "keyword" })).Results().ShouldBeEmpty();
    }

    [Fact]
    public async Task Deleting_a_knowledge_base_removes_its_chunks_from_search()
    {
        var (client, kbId, _) = await IndexCorpusAsync();
        (await SearchAsync(client, new { query = "router" })).Results().ShouldNotBeEmpty();
        (await client.DeleteAsync($"/api/v1/knowledge/bases/{kbId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await SearchAsync(client, new { query = "router" })).Results().ShouldBeEmpty();
    }

    [Fact]
    public async Task Invalid_search_requests_list_every_field()
    {
        var client = app.ClientForNewTenant();
        var response = await client.PostAsJsonAsync("/api/v1/knowledge/search", new { query = "", top_k = 0, mode = "fuzzy" }, Ct);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "query", "top_k", "mode" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
    }

    private static string VersionText(string version) => string.Join("\n\n", Enumerable.Range(0, 30).Select(i =>
        $"Section {i} of the policy version marker {version}. " + string.Join(' ', Enumerable.Repeat($"Clause {i} in {version}.", 20))));
}

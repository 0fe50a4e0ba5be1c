using System.Net;
using System.Text;
using System.Text.Json;
using VoiceHelper.Knowledge.Tests.Infrastructure;
using static VoiceHelper.Knowledge.Tests.Infrastructure.Api;

namespace VoiceHelper.Knowledge.Tests.ListDocuments;

public sealed class ListDocumentsTests(KnowledgeAppWithWorker app) : IClassFixture<KnowledgeAppWithWorker>
{
    [Fact]
    public async Task Documents_are_listed_newest_first_across_pages()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        var otherKb = await CreateKnowledgeBaseAsync(client, "Other");
        await UploadNewAsync(client, otherKb, "elsewhere.txt", Encoding.UTF8.GetBytes("Not in this knowledge base."));
        var first = await UploadNewAsync(client, kbId, "first.txt", Encoding.UTF8.GetBytes("The first manual."), """{"lang":"en"}""");
        var second = await UploadNewAsync(client, kbId, "second.txt", Encoding.UTF8.GetBytes("The second manual."));
        var third = await UploadNewAsync(client, kbId, "third.txt", Encoding.UTF8.GetBytes("The third manual."));

        var page1 = await ListAsync(client, kbId, "page=1&page_size=2");
        Ids(page1).ShouldBe([third, second]);
        page1.GetProperty("page").GetInt32().ShouldBe(1);
        page1.GetProperty("page_size").GetInt32().ShouldBe(2);
        page1.GetProperty("has_next").GetBoolean().ShouldBeTrue();

        var page2 = await ListAsync(client, kbId, "page=2&page_size=2");
        Ids(page2).ShouldBe([first]);
        page2.GetProperty("has_next").GetBoolean().ShouldBeFalse();

        // Each item is the document as GET /documents/{id} shows it.
        var item = page2.GetProperty("items")[0];
        var document = await GetDocumentAsync(client, first);
        foreach (var field in new[] { "knowledge_base_id", "title", "file_name", "content_type", "size_bytes", "sha256", "metadata", "created_at" })
        {
            item.GetProperty(field).GetRawText().ShouldBe(document.GetProperty(field).GetRawText(), field);
        }
        item.GetProperty("metadata").GetProperty("lang").GetString().ShouldBe("en");
        item.GetProperty("file_name").GetString().ShouldBe("first.txt");
        item.GetProperty("size_bytes").GetInt64().ShouldBe(Encoding.UTF8.GetByteCount("The first manual."));

        var all = await ListAsync(client, kbId, "");
        Ids(all).ShouldBe([third, second, first]);
        all.GetProperty("page_size").GetInt32().ShouldBe(20);
        all.GetProperty("has_next").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Status_filters_the_list()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        var good = await UploadNewAsync(client, kbId, "good.txt", Encoding.UTF8.GetBytes("To reset the router, hold the button for ten seconds."));
        var blank = await UploadNewAsync(client, kbId, "blank.txt", Encoding.UTF8.GetBytes("   \n\n   \n"));
        (await WaitForDocumentAsync(client, good, app.Worker)).GetProperty("status").GetString().ShouldBe("indexed");
        (await WaitForDocumentAsync(client, blank, app.Worker)).GetProperty("status").GetString().ShouldBe("failed");

        var indexed = await ListAsync(client, kbId, "status=indexed");
        Ids(indexed).ShouldBe([good]);
        var indexedItem = indexed.GetProperty("items")[0];
        indexedItem.GetProperty("status").GetString().ShouldBe("indexed");
        indexedItem.GetProperty("chunk_count").GetInt32().ShouldBeGreaterThan(0);
        indexedItem.GetProperty("indexed_at").ValueKind.ShouldBe(JsonValueKind.String);

        var failed = await ListAsync(client, kbId, "status=failed");
        Ids(failed).ShouldBe([blank]);
        var failedItem = failed.GetProperty("items")[0];
        failedItem.GetProperty("error_code").GetString().ShouldBe("empty_text");
        failedItem.GetProperty("error").GetString().ShouldNotBeNullOrEmpty();
        failedItem.GetProperty("chunk_count").GetInt32().ShouldBe(0);

        var pending = await ListAsync(client, kbId, "status=pending");
        Ids(pending).ShouldBeEmpty();
        pending.GetProperty("has_next").GetBoolean().ShouldBeFalse();

        Ids(await ListAsync(client, kbId, "")).ShouldBe([blank, good]);
        Ids(await ListAsync(client, kbId, "status=")).ShouldBe([blank, good]);
    }

    [Fact]
    public async Task An_unknown_status_and_page_size_are_refused_naming_each_field()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        var response = await client.GetAsync($"/api/v1/knowledge/bases/{kbId}/documents?status=done&page_size=0", Ct);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        errors.GetProperty("status")[0].GetString()!.ShouldContain("indexed");
        errors.TryGetProperty("page_size", out _).ShouldBeTrue(problem.ToString());
        errors.TryGetProperty("page", out _).ShouldBeFalse(problem.ToString());

        // Statuses are the exact wire strings.
        await (await client.GetAsync($"/api/v1/knowledge/bases/{kbId}/documents?status=Indexed", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task An_empty_knowledge_base_lists_nothing_and_an_unknown_or_deleted_one_answers_404()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        var empty = await ListAsync(client, kbId, "");
        Ids(empty).ShouldBeEmpty();
        empty.GetProperty("has_next").GetBoolean().ShouldBeFalse();

        await (await client.GetAsync($"/api/v1/knowledge/bases/{Guid.NewGuid()}/documents", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "knowledge_base_not_found");

        await UploadNewAsync(client, kbId, "gone.txt", Encoding.UTF8.GetBytes("Deleted with its knowledge base."));
        (await client.DeleteAsync($"/api/v1/knowledge/bases/{kbId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await client.GetAsync($"/api/v1/knowledge/bases/{kbId}/documents?status=pending", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "knowledge_base_not_found");
    }

    [Fact]
    public async Task The_list_is_documented_in_openapi()
    {
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        var list = document.GetProperty("paths").GetProperty("/api/v1/knowledge/bases/{kb_id}/documents").GetProperty("get");
        list.GetProperty("operationId").GetString().ShouldBe("ListDocuments");
        var parameters = list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        parameters.ShouldBe(["kb_id", "page", "page_size", "status"], ignoreOrder: true);
        foreach (var status in new[] { "200", "400", "401", "404" })
        {
            list.GetProperty("responses").TryGetProperty(status, out _).ShouldBeTrue(status);
        }
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, Guid kbId, string query)
    {
        var response = await client.GetAsync($"/api/v1/knowledge/bases/{kbId}/documents?{query}", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Guid[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToArray();
}

using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using VoiceHelper.Knowledge.Tests.Infrastructure;
using VoiceHelper.Testing.Documents;
using static VoiceHelper.Knowledge.Tests.Infrastructure.Api;

namespace VoiceHelper.Knowledge.Tests.UploadDocument;

/// <summary>What the upload answers before any ingestion (no worker runs here).</summary>
public sealed class UploadDocumentTests(KnowledgeApp app) : IClassFixture<KnowledgeApp>
{
    [Fact]
    public async Task Upload_stores_the_original_with_its_sha256_and_queues_document_uploaded()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        var content = Encoding.UTF8.GetBytes("Reset the router by holding the button for ten seconds.");
        var id = await UploadNewAsync(client, kbId, "router.txt", content, metadata: """{"product":"router","lang":"en"}""");

        var document = await GetDocumentAsync(client, id);
        document.GetProperty("status").GetString().ShouldBe("pending");
        document.GetProperty("content_type").GetString().ShouldBe("text/plain");
        document.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
        document.GetProperty("metadata").GetProperty("product").GetString().ShouldBe("router");

        await using var db = new NpgsqlConnection(app.KnowledgeDb);
        await db.OpenAsync(Ct);
        await using var stored = new NpgsqlCommand("SELECT content FROM document_contents WHERE document_id = @id", db);
        stored.Parameters.AddWithValue("id", id);
        ((byte[])(await stored.ExecuteScalarAsync(Ct))!).ShouldBe(content);
    }

    [Fact]
    public async Task Identical_content_returns_the_existing_document()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        var content = Encoding.UTF8.GetBytes("Same bytes twice.");
        var id = await UploadNewAsync(client, kbId, "a.txt", content);
        var again = await UploadAsync(client, kbId, "b.txt", content);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Ct)).RootElement;
        body.GetProperty("document_id").GetGuid().ShouldBe(id);
        body.GetProperty("duplicate").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Zero_byte_file_is_refused()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        await (await UploadAsync(client, kbId, "empty.txt", [])).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "empty_file");
    }

    [Fact]
    public async Task A_png_named_pdf_is_refused_by_its_content()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        await (await UploadAsync(client, kbId, "manual.pdf", DocumentFixtures.Png()))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_type");
    }

    [Fact]
    public async Task A_pdf_named_txt_is_detected_as_pdf()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        var id = await UploadNewAsync(client, kbId, "notes.txt", DocumentFixtures.Pdf(["Hello"]));
        (await GetDocumentAsync(client, id)).GetProperty("content_type").GetString().ShouldBe("application/pdf");
    }

    [Fact]
    public async Task Oversized_file_answers_413()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        var big = Encoding.UTF8.GetBytes(new string('a', (int)KnowledgeApp.MaxUploadBytes + 10));
        await (await UploadAsync(client, kbId, "big.txt", big)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Files_larger_than_the_global_1_MB_body_limit_are_accepted_up_to_the_upload_limit()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        var text = string.Join(' ', Enumerable.Repeat("lorem ipsum dolor", 100_000));
        await UploadNewAsync(client, kbId, "large.txt", Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public async Task Unknown_knowledge_base_answers_404()
    {
        var client = app.ClientForNewTenant();
        await (await UploadAsync(client, Guid.NewGuid(), "a.txt", Encoding.UTF8.GetBytes("text")))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "knowledge_base_not_found");
    }

    [Fact]
    public async Task A_form_without_a_file_answers_400_and_a_body_that_is_not_a_form_415()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        using var noFile = new MultipartFormDataContent { { new StringContent("Manual"), "title" } };
        var missing = await client.PostAsync($"/api/v1/knowledge/bases/{kbId}/documents", noFile, Ct);
        var body = await missing.Content.ReadAsStringAsync(Ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        missing.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);

        using var json = new StringContent("""{"file":"x"}""", Encoding.UTF8, "application/json");
        await (await client.PostAsync($"/api/v1/knowledge/bases/{kbId}/documents", json, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }
}

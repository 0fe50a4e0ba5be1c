using System.Text;
using System.Text.Json;
using VoiceHelper.Knowledge.Tests.Infrastructure;
using VoiceHelper.Testing.Documents;
using static VoiceHelper.Knowledge.Tests.Infrastructure.Api;

namespace VoiceHelper.Ingestion.Tests.IngestDocument;

/// <summary>Every format end to end through the real worker process: upload -> parse -> chunk -> embed -> index -> search.</summary>
public sealed class IngestFormatsTests(KnowledgeAppWithWorker app) : IClassFixture<KnowledgeAppWithWorker>
{
    public static TheoryData<string, string> Formats => new()
    {
        { "guide.txt", "txt" }, { "guide.md", "md" }, { "guide.html", "html" }, { "guide.pdf", "pdf" }, { "guide.docx", "docx" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Each_format_is_indexed_and_searchable(string fileName, string format)
    {
        var client = app.ClientForNewTenant();
        // Small chunks, so that the PDF's second page starts a chunk of its own.
        var kbId = await CreateKnowledgeBaseAsync(client, settings: new { name = format, chunk_size = 50, chunk_overlap = 10 });
        var content = format switch
        {
            "txt" => Encoding.UTF8.GetBytes("Warranty\n\nThe flux capacitor warranty lasts 24 months from purchase."),
            "md" => Encoding.UTF8.GetBytes("# Warranty\n\n## Duration\n\nThe flux capacitor warranty lasts 24 months from purchase.\n\n- keep the receipt\n"),
            "html" => Encoding.UTF8.GetBytes("<!doctype html><html><body><h1>Warranty</h1><h2>Duration</h2><p>The flux capacitor warranty lasts 24 months from purchase.</p><script>var x='flux';</script><table><tr><td>Model</td><td>FC-1</td></tr></table></body></html>"),
            // The heading is only a larger font: the worker has to find it from the layout.
            "pdf" => DocumentFixtures.Pdf(
                Enumerable.Range(1, 8).Select(i => $"Introduction sentence {i} talks about nothing in particular.").ToArray(),
                ["# Warranty", "The flux capacitor warranty lasts 24 months from purchase.", "|Model|FC-1|"]),
            _ => DocumentFixtures.Docx("# Warranty", "The flux capacitor warranty lasts 24 months from purchase.", "- keep the receipt", "|Model|FC-1|"),
        };
        var id = await UploadNewAsync(client, kbId, fileName, content);
        var document = await WaitForDocumentAsync(client, id, app.Worker);
        document.GetProperty("status").GetString().ShouldBe("indexed", document.ToString());
        document.GetProperty("chunk_count").GetInt32().ShouldBeGreaterThan(0);
        document.GetProperty("progress").GetInt32().ShouldBe(100);

        var hit = (await SearchAsync(client, new { query = "flux capacitor warranty", kb_ids = new[] { kbId }, mode = "keyword" })).Results().First();
        hit.GetProperty("document_id").GetGuid().ShouldBe(id);
        hit.GetProperty("text").GetString()!.ShouldContain("24 months");
        switch (format)
        {
            case "pdf":
                hit.GetProperty("page").GetInt32().ShouldBe(2);
                hit.GetProperty("heading_path").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Warranty"]);
                break;
            case "md":
            case "html":
                hit.GetProperty("heading_path").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Warranty", "Duration"]);
                break;
            case "docx":
                hit.GetProperty("heading_path").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Warranty"]);
                break;
        }
        if (format == "html")
        {
            hit.GetProperty("text").GetString()!.ShouldNotContain("var x");
        }
    }

    public static TheoryData<string, string, string> Failures => new()
    {
        { "broken.pdf", "corrupt", "corrupt_pdf" },
        { "locked.pdf", "encrypted", "encrypted_pdf" },
        { "blank.txt", "blank", "empty_text" },
        { "blank.pdf", "blank-pdf", "empty_text" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Unreadable_documents_fail_with_a_stable_code(string fileName, string kind, string code)
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client);
        var content = kind switch
        {
            "corrupt" => DocumentFixtures.CorruptPdf(),
            "encrypted" => DocumentFixtures.EncryptedPdf(["Top secret text."]),
            "blank" => Encoding.UTF8.GetBytes("   \n\n   \n"),
            _ => DocumentFixtures.Pdf(Array.Empty<string>()),
        };
        var id = await UploadNewAsync(client, kbId, fileName, content);
        var document = await WaitForDocumentAsync(client, id, app.Worker);
        document.GetProperty("status").GetString().ShouldBe("failed", document.ToString());
        document.GetProperty("error_code").GetString().ShouldBe(code, document.ToString());
        document.GetProperty("error").GetString().ShouldNotBeNullOrEmpty();
        document.GetProperty("chunk_count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Long_documents_are_chunked_within_the_knowledge_base_size_with_whole_sentences()
    {
        var client = app.ClientForNewTenant();
        var kbId = await CreateKnowledgeBaseAsync(client, settings: new { name = "small chunks", chunk_size = 60, chunk_overlap = 10 });
        var sentences = Enumerable.Range(1, 60).Select(i => $"Sentence number {i} explains step {i} of the installation.");
        var id = await UploadNewAsync(client, kbId, "install.txt", Encoding.UTF8.GetBytes(string.Join(' ', sentences)));
        var document = await WaitForDocumentAsync(client, id, app.Worker);
        document.GetProperty("chunk_count").GetInt32().ShouldBeGreaterThan(5);
        var hits = (await SearchAsync(client, new { query = "installation step", kb_ids = new[] { kbId }, mode = "keyword", top_k = 50 })).Results().ToList();
        foreach (var hit in hits)
        {
            var text = hit.GetProperty("text").GetString()!;
            text.ShouldStartWith("Sentence number");
            text.ShouldEndWith("installation.");
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VoiceHelper.Knowledge.Tests.Infrastructure;

/// <summary>Calls through the public HTTP API, the way a client does.</summary>
public static class Api
{
    public static async Task<Guid> CreateKnowledgeBaseAsync(HttpClient client, string name = "Manuals", object? settings = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/knowledge/bases", settings ?? new { name }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid kbId, string fileName, byte[] content,
        string? metadata = null, string? title = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (metadata is not null)
        {
            form.Add(new StringContent(metadata), "metadata");
        }
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }
        return await client.PostAsync($"/api/v1/knowledge/bases/{kbId}/documents", form, Ct);
    }

    /// <summary>Uploads and returns the new document's id (asserting 202).</summary>
    public static async Task<Guid> UploadNewAsync(HttpClient client, Guid kbId, string fileName, byte[] content, string? metadata = null)
    {
        var response = await UploadAsync(client, kbId, fileName, content, metadata);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, body);
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("status").GetString().ShouldBe("pending");
        return json.GetProperty("document_id").GetGuid();
    }

    public static async Task<JsonElement> GetDocumentAsync(HttpClient client, Guid documentId)
    {
        var response = await client.GetAsync($"/api/v1/knowledge/documents/{documentId}", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls the document until it is indexed or failed (with a deadline, never a fixed sleep).</summary>
    public static async Task<JsonElement> WaitForDocumentAsync(HttpClient client, Guid documentId, WorkerProcess? worker = null, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement document;
        do
        {
            document = await GetDocumentAsync(client, documentId);
            if (document.GetProperty("status").GetString() is "indexed" or "failed")
            {
                return document;
            }
            await Task.Delay(50, Ct);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Document {documentId} is still {document.GetProperty("status")}.\n{worker?.Output}");
    }

    public static async Task<JsonElement> SearchAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/knowledge/search", request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static IEnumerable<JsonElement> Results(this JsonElement search) => search.GetProperty("results").EnumerateArray();
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;

namespace VoiceHelper.Assistant.Tests.Infrastructure;

/// <summary>Calls through the public HTTP APIs of Knowledge and the Assistant, the way a client does.</summary>
public static class Api
{
    public static async Task<Guid> CreateKnowledgeBaseAsync(this RagTenant tenant, string name = "Support")
    {
        var response = await tenant.Knowledge.PostAsJsonAsync("/api/v1/knowledge/bases", new { name }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Uploads a document and waits until the Ingestion worker has indexed it.</summary>
    public static async Task<Guid> IndexAsync(this RagTenant tenant, Guid knowledgeBaseId, string fileName, string text)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".md", StringComparison.Ordinal) ? "text/markdown" : "text/plain");
        form.Add(file, "file", fileName);
        var response = await tenant.Knowledge.PostAsync($"/api/v1/knowledge/bases/{knowledgeBaseId}/documents", form, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, body);
        var documentId = JsonDocument.Parse(body).RootElement.GetProperty("document_id").GetGuid();
        await WaitForStatusAsync(tenant, documentId, "indexed");
        return documentId;
    }

    public static async Task WaitForStatusAsync(RagTenant tenant, Guid documentId, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await tenant.Knowledge.GetStringAsync($"/api/v1/knowledge/documents/{documentId}", Ct);
            var current = JsonDocument.Parse(last).RootElement.GetProperty("status").GetString();
            if (current == status)
            {
                return;
            }
            current.ShouldNotBe("failed", last);
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"Document {documentId} did not reach {status}: {last}");
    }

    public static async Task<JsonElement> AskAsync(this RagTenant tenant, object request)
    {
        var response = await tenant.Assistant.PostAsJsonAsync("/api/v1/rag/query", request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> AskAsync(this RagTenant tenant, Guid knowledgeBaseId, string query, bool useCache = false) =>
        await tenant.AskAsync(new { query, kb_ids = new[] { knowledgeBaseId }, use_cache = useCache });

    public static IEnumerable<JsonElement> CitedSources(this JsonElement answer) =>
        answer.GetProperty("sources").EnumerateArray().Where(s => s.GetProperty("cited").GetBoolean());

    public static IEnumerable<string> Features(this JsonElement answer) =>
        answer.GetProperty("features_used").EnumerateArray().Select(f => f.GetString()!);

    /// <summary>Reads a server-sent event stream to its end with the in-box parser: (event name, data) in order.</summary>
    public static async Task<List<(string Event, JsonElement Data)>> ReadEventsAsync(HttpResponseMessage response)
    {
        var parser = SseParser.Create(await response.Content.ReadAsStreamAsync(Ct), (_, data) => JsonDocument.Parse(data.ToArray()).RootElement.Clone());
        var events = new List<(string, JsonElement)>();
        await foreach (var item in parser.EnumerateAsync(Ct))
        {
            events.Add((item.EventType, item.Data));
        }
        return events;
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace VoiceHelper.Voice.Common;

/// <summary>
/// Conversations over HTTP, acting for the caller with the caller's own access token: a call can only reach that
/// caller's conversations, and the tenant checks stay where they are.
/// </summary>
public sealed class ConversationsClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Starts a conversation over the given knowledge bases (all of the tenant's when none).</summary>
    public async Task<Guid> CreateConversationAsync(string token, IReadOnlyList<Guid> kbIds, string title, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "/api/v1/conversations", token);
        request.Content = JsonContent.Create(new { title, kb_ids = kbIds.Count == 0 ? null : kbIds });
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>How many messages the conversation holds (its last sequence); 404 when it is not the caller's.</summary>
    public async Task<long> GetMessageCountAsync(string token, Guid conversationId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"/api/v1/conversations/{conversationId}", token);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        return body.GetProperty("message_count").GetInt64();
    }

    /// <summary>The message at <paramref name="sequence"/>, or null while it is not stored yet.</summary>
    public async Task<ConversationsMessage?> FindMessageAsync(string token, Guid conversationId, long sequence, CancellationToken cancellationToken)
    {
        const int pageSize = 100;
        var page = (sequence - 1) / pageSize + 1;
        using var request = Request(HttpMethod.Get, $"/api/v1/conversations/{conversationId}/messages?page={page}&page_size={pageSize}", token);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
        foreach (var item in body.GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("sequence").GetInt64() == sequence)
            {
                return ReadMessage(item);
            }
        }
        return null;
    }

    /// <summary>Cuts an assistant message to what the caller heard (Conversations' TruncateMessage).</summary>
    public async Task<ConversationsMessage> TruncateAsync(string token, Guid conversationId, Guid messageId, string spokenText, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, $"/api/v1/conversations/{conversationId}/messages/{messageId}/truncate", token);
        request.Content = JsonContent.Create(new { spoken_text = spokenText });
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return ReadMessage(await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken));
    }

    /// <summary>
    /// Asks a question as a voice turn and streams the answer (server-sent events). Cancelling the token closes the
    /// request, which Conversations takes as the caller gone: it stops the Assistant and stores what was produced.
    /// </summary>
    public IAsyncEnumerable<ConversationsAnswerEvent> AskAsync(string token, Guid conversationId, string question, CancellationToken cancellationToken) =>
        StreamAsync($"/api/v1/conversations/{conversationId}/messages", token, new { content = question, modality = "voice" }, cancellationToken);

    /// <summary>
    /// Prepares the answer to a question without storing either (Conversations' PrepareAnswer): <c>prepared</c> (its
    /// id), <c>refs</c>, <c>token</c>s, <c>end</c>. <see cref="StoreAsync"/> stores it; unused, it expires.
    /// </summary>
    public IAsyncEnumerable<ConversationsAnswerEvent> PrepareAsync(string token, Guid conversationId, string question, CancellationToken cancellationToken) =>
        StreamAsync($"/api/v1/conversations/{conversationId}/messages/prepare", token, new { content = question }, cancellationToken);

    /// <summary>Stores a voice turn's question with the answer prepared for it; the stored assistant message.</summary>
    public async Task<ConversationsMessage> StoreAsync(string token, Guid conversationId, string question, Guid preparedId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, $"/api/v1/conversations/{conversationId}/messages", token);
        request.Content = JsonContent.Create(new { content = question, modality = "voice", prepared_answer_id = preparedId });
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return ReadMessage(await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken));
    }

    private async IAsyncEnumerable<ConversationsAnswerEvent> StreamAsync(string path, string token, object content,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, path, token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Content = JsonContent.Create(content);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(body, Encoding.UTF8);
        string? kind = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (kind is not null && Parse(kind, data.ToString()) is { } parsed)
                {
                    yield return parsed;
                }
                (kind, _) = (null, data.Clear());
                continue;
            }
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                kind = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line.AsSpan(5).TrimStart());
            }
        }
    }

    private static ConversationsAnswerEvent? Parse(string kind, string data)
    {
        var json = JsonDocument.Parse(data).RootElement.Clone();
        return kind switch
        {
            ConversationsAnswerEvent.Refs => new(kind, Sources: json.TryGetProperty("sources", out var s) ? s : null),
            ConversationsAnswerEvent.Token => new(kind, Delta: json.TryGetProperty("delta", out var d) ? d.GetString() : null),
            ConversationsAnswerEvent.Prepared => new(kind, PreparedId: json.GetProperty("prepared_answer_id").GetGuid()),
            ConversationsAnswerEvent.End when json.TryGetProperty("prepared_answer_id", out var prepared) =>
                new(kind, Delta: json.TryGetProperty("content", out var content) ? content.GetString() : null, PreparedId: prepared.GetGuid(),
                    Sources: json.TryGetProperty("sources", out var s) && s.ValueKind != JsonValueKind.Null ? s : null),
            ConversationsAnswerEvent.End => new(kind, Message: ReadMessage(json), Sources: json.TryGetProperty("sources", out var s) ? s : null),
            "error" => throw new ConversationsException(502,
                json.TryGetProperty("code", out var c) ? c.GetString() ?? "assistant_unavailable" : "assistant_unavailable",
                json.TryGetProperty("detail", out var m) ? m.GetString() ?? "The answer failed." : "The answer failed."),
            _ => null,
        };
    }

    private static ConversationsMessage ReadMessage(JsonElement m) => new(
        m.GetProperty("id").GetGuid(), m.GetProperty("sequence").GetInt64(), m.GetProperty("role").GetString() ?? "",
        m.GetProperty("content").GetString() ?? "", m.GetProperty("status").GetString() ?? "",
        m.TryGetProperty("modality", out var modality) ? modality.GetString() : null,
        m.TryGetProperty("sources", out var sources) && sources.ValueKind != JsonValueKind.Null ? sources : null);

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        string code = "conversations_failed", detail = $"Conversations answered {(int)response.StatusCode}.";
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
            code = problem.TryGetProperty("code", out var c) ? c.GetString() ?? code : code;
            detail = problem.TryGetProperty("detail", out var d) ? d.GetString() ?? detail : detail;
        }
        catch (JsonException)
        {
            // Not a problem document: the status says enough.
        }
        throw new ConversationsException((int)response.StatusCode, code, detail);
    }
}

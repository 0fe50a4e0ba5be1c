using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;
using Polly.Timeout;

namespace VoiceHelper.Conversations.Common;

/// <summary>
/// The Assistant's <c>POST /api/v1/rag/query</c>, as JSON or as a server-sent event stream. The caller's bearer
/// token is forwarded, so the Assistant applies the same tenant and user. Transport failures, error statuses
/// and malformed bodies become <see cref="AssistantException"/>; cancellation stays cancellation.
/// </summary>
public sealed class AssistantClient(HttpClient http, IHttpContextAccessor httpContext)
{
    private const string Path = "/api/v1/rag/query";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<AssistantAnswer> AskAsync(AssistantQuery query, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(Build(query with { Stream = false }), cancellationToken);
            await EnsureSuccess(response, cancellationToken);
            return await response.Content.ReadFromJsonAsync<AssistantAnswer>(Json, cancellationToken)
                ?? throw new AssistantException("The assistant answered with an empty body.");
        }
        catch (Exception ex) when (IsOutage(ex, cancellationToken))
        {
            throw new AssistantException("The assistant could not be reached.", ex);
        }
    }

    public async IAsyncEnumerable<AssistantStreamEvent> StreamAsync(AssistantQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        Stream body;
        try
        {
            var request = Build(query with { Stream = true });
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await EnsureSuccess(response, cancellationToken);
            body = await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex, cancellationToken))
        {
            throw new AssistantException("The assistant could not be reached.", ex);
        }
        using (response)
        using (var reader = new StreamReader(body, Encoding.UTF8))
        {
            string? kind = null;
            var data = new StringBuilder();
            while (true)
            {
                string? line;
                try
                {
                    line = await reader.ReadLineAsync(cancellationToken);
                }
                catch (Exception ex) when (IsOutage(ex, cancellationToken))
                {
                    throw new AssistantException("The assistant's stream broke off.", ex);
                }
                if (line is null)
                {
                    yield break;
                }
                if (line.Length == 0)
                {
                    if (kind is not null || data.Length > 0)
                    {
                        var parsed = AssistantStreamParser.Parse(kind ?? "message", data.ToString());
                        if (parsed is not null)
                        {
                            yield return parsed;
                        }
                    }
                    kind = null;
                    data.Clear();
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    kind = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    // Per the SSE spec one leading space is dropped and several data lines join with a newline.
                    var value = line[5..];
                    data.Append(data.Length > 0 ? "\n" : "").Append(value.StartsWith(' ') ? value[1..] : value);
                }
            }
        }
    }

    private HttpRequestMessage Build(AssistantQuery query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = JsonContent.Create(query, options: Json) };
        if (httpContext.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString() is { Length: > 0 } authorization)
        {
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
        }
        return request;
    }

    private static async Task EnsureSuccess(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new AssistantException($"The assistant answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        }
    }

    private static bool IsOutage(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && ex is HttpRequestException or TimeoutRejectedException or JsonException or IOException or OperationCanceledException;
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Polly.Timeout;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Conversations.Common;

/// <summary>
/// The Assistant's <c>POST /api/v1/rag/query</c> (the records in Features/Contracts), as JSON or as a server-sent event
/// stream read with the in-box <see cref="SseParser"/>. The caller's bearer token is forwarded, so the Assistant applies
/// the same tenant and user. Transport failures, error statuses, malformed bodies and an <c>error</c> event become
/// <see cref="AssistantException"/>; cancellation stays cancellation.
/// </summary>
public sealed class AssistantClient(HttpClient http, IHttpContextAccessor httpContext, IOptions<JsonOptions> jsonOptions)
{
    private const string Path = "/api/v1/rag/query";
    private readonly JsonSerializerOptions _json = jsonOptions.Value.SerializerOptions;

    public async Task<RagAnswer> AskAsync(RagQueryRequest query, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(Build(query with { Stream = false }), cancellationToken);
            await EnsureSuccess(response, cancellationToken);
            return await response.Content.ReadFromJsonAsync<RagAnswer>(_json, cancellationToken)
                ?? throw new AssistantException("The assistant answered with an empty body.");
        }
        catch (Exception ex) when (IsOutage(ex, cancellationToken))
        {
            throw new AssistantException("The assistant could not be reached.", ex);
        }
    }

    public async IAsyncEnumerable<AssistantStreamEvent> StreamAsync(RagQueryRequest query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        IAsyncEnumerator<SseItem<AssistantStreamEvent?>> events;
        try
        {
            var request = Build(query with { Stream = true });
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await EnsureSuccess(response, cancellationToken);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            events = SseParser.Create(body, Read).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex, cancellationToken))
        {
            throw new AssistantException("The assistant could not be reached.", ex);
        }
        using (response)
        await using (events)
        {
            while (true)
            {
                try
                {
                    if (!await events.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (Exception ex) when (IsOutage(ex, cancellationToken))
                {
                    throw new AssistantException("The assistant's stream broke off.", ex);
                }
                if (events.Current.Data is { } streamed)
                {
                    yield return streamed;
                }
            }
        }
    }

    /// <summary>One event's data by its name; an event this client does not know is skipped (null).</summary>
    private AssistantStreamEvent? Read(string kind, ReadOnlySpan<byte> data) => kind switch
    {
        RagStreamEvents.Refs => new(kind, Sources: Deserialize<RagRefs>(data).Sources),
        RagStreamEvents.Token => new(kind, Delta: Deserialize<RagToken>(data).Delta),
        RagStreamEvents.End => new(kind, Answer: Deserialize<RagAnswer>(data)),
        RagStreamEvents.Error => throw new AssistantException($"The assistant's stream reported an error: {Deserialize<RagStreamError>(data)}"),
        _ => null,
    };

    private T Deserialize<T>(ReadOnlySpan<byte> data) =>
        JsonSerializer.Deserialize<T>(data, _json) ?? throw new JsonException($"The assistant's {typeof(T).Name} event had no data.");

    private HttpRequestMessage Build(RagQueryRequest query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = JsonContent.Create(query, options: _json) };
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

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.Common;

/// <summary>
/// Knowledge's search over HTTP (the records in Features/Contracts), resolved through service discovery. The caller's own credential (access token or API key) is forwarded:
/// Knowledge applies tenant isolation from it, so another tenant's knowledge base answers 404 there and here.
/// </summary>
public sealed class KnowledgeClient(HttpClient http, IHttpContextAccessor accessor, IOptions<JsonOptions> json, ILogger<KnowledgeClient> logger)
{
    public const string BaseAddress = "http://knowledge";

    public async Task<(KnowledgeSearchOutcome Outcome, KnowledgeSearchResponse? Response, TimeSpan? RetryAfter)> SearchAsync(string query,
        IReadOnlyList<Guid> knowledgeBaseIds, int topK, string mode, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/knowledge/search")
        {
            Content = JsonContent.Create(new KnowledgeSearchRequest(query, knowledgeBaseIds, topK, mode), options: json.Value.SerializerOptions),
        };
        ForwardCredentials(request);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning("Knowledge search failed: {Error}", exception.Message);
            return (KnowledgeSearchOutcome.Unavailable, null, null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Knowledge search timed out");
            return (KnowledgeSearchOutcome.Unavailable, null, null);
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
            {
                return (KnowledgeSearchOutcome.KnowledgeBaseNotFound, null, null);
            }
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // Knowledge is healthy and says when to come back: the caller is told the same, not "unavailable".
                return (KnowledgeSearchOutcome.Throttled, null, RetryAfter(response));
            }
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Knowledge search answered {Status}", (int)response.StatusCode);
                return (KnowledgeSearchOutcome.Unavailable, null, null);
            }
            try
            {
                return (KnowledgeSearchOutcome.Found, await response.Content.ReadFromJsonAsync<KnowledgeSearchResponse>(json.Value.SerializerOptions, cancellationToken), null);
            }
            catch (JsonException exception)
            {
                logger.LogWarning("Knowledge search answered a body that is not the contract: {Error}", exception.Message);
                return (KnowledgeSearchOutcome.Unavailable, null, null);
            }
        }
    }

    /// <summary>
    /// The tenant's knowledge bases (up to <paramref name="limit"/>, newest first), or null when Knowledge cannot say. The OpenAI
    /// model names and the MCP tools resolve against this list, so it is the caller's own tenant's by construction.
    /// </summary>
    public async Task<IReadOnlyList<KnowledgeBaseSummary>?> ListKnowledgeBasesAsync(int limit, CancellationToken cancellationToken)
    {
        const int pageSize = 100;
        var bases = new List<KnowledgeBaseSummary>();
        for (var page = 1; bases.Count < limit; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/knowledge/bases?page={page}&page_size={pageSize}");
            ForwardCredentials(request);
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogWarning("Knowledge list of bases answered {Status}", (int)response.StatusCode);
                    return null;
                }
                var items = await response.Content.ReadFromJsonAsync<PageResponse<KnowledgeBaseSummary>>(json.Value.SerializerOptions, cancellationToken);
                bases.AddRange(items!.Items);
                if (!items.HasNext)
                {
                    break;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or JsonException
                                              || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                logger.LogWarning("Knowledge list of bases failed: {Error}", exception.Message);
                return null;
            }
        }
        return bases.Take(limit).ToList();
    }

    /// <summary>Knowledge applies tenant isolation from the caller's own credential: an access token or the tenant's API key.</summary>
    private void ForwardCredentials(HttpRequestMessage request)
    {
        var headers = accessor.HttpContext?.Request.Headers;
        if (headers?[HeaderNames.Authorization].ToString() is { Length: > 0 } authorization
            && AuthenticationHeaderValue.TryParse(authorization, out var header))
        {
            request.Headers.Authorization = header;
        }
        else if (headers?[ApiKeyAuthentication.Header].ToString() is { Length: > 0 } apiKey)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => TimeSpan.FromSeconds(1),
        };
}

using System.ComponentModel;
using System.Net;
using System.Text;
using Microsoft.Extensions.AI;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.Agent;

/// <summary>
/// The built-in tools of one agent run, as <see cref="AIFunction"/>s made by <see cref="AIFunctionFactory"/> (which also
/// derives their JSON schemas from the parameters). knowledge_search goes through Knowledge with the caller's token, so
/// it sees the caller's tenant only; http_get goes through <see cref="TenantHttp"/> under the tenant's allow-list.
/// </summary>
public sealed class AgentToolbox(KnowledgeClient knowledge, TimeProvider clock)
{
    public const int MaxBodyBytes = 256 * 1024;
    public const int MaxBodyCharacters = 8_000;
    public static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(10);

    public IReadOnlyList<AgentTool> Create(IReadOnlyList<Guid> knowledgeBaseIds, HttpClient http) =>
    [
        new(AIFunctionFactory.Create(
            async ([Description("What to look for, in words.")] string query,
                [Description("How many passages to return, 1 to 10.")] int top_k = 5,
                CancellationToken cancellationToken = default) =>
                await SearchAsync(query, knowledgeBaseIds, top_k, cancellationToken),
            AgentToolNames.KnowledgeSearch,
            "Searches the tenant's knowledge bases and returns the best matching passages with their document titles."),
            TimeSpan.FromMinutes(5)),
        new(AIFunctionFactory.Create(
            ([Description("An arithmetic expression, e.g. (12.5 * 3) - 4 or Pow(2, 10); ^ is not a power.")] string expression) =>
                Calculate(expression),
            AgentToolNames.Calculator,
            "Evaluates an arithmetic expression (numbers, + - * / %, comparisons, functions such as Abs, Round, Sqrt, Pow, Min, Max)."),
            TimeSpan.FromHours(1)),
        new(AIFunctionFactory.Create(
            async ([Description("The absolute http or https URL.")] string url, CancellationToken cancellationToken = default) =>
                await GetAsync(http, url, cancellationToken),
            AgentToolNames.HttpGet,
            "Fetches a web page or API response by GET from a host on the tenant's allow-list; returns status, content type and the text (truncated)."),
            TimeSpan.FromMinutes(1)),
        new(AIFunctionFactory.Create(
            ([Description("An IANA time zone such as Europe/Paris; UTC when omitted.")] string? time_zone = null) => Now(time_zone),
            AgentToolNames.CurrentTime,
            "Returns the current date and time."),
            null),
    ];

    private async Task<object> SearchAsync(string query, IReadOnlyList<Guid> knowledgeBaseIds, int topK, CancellationToken cancellationToken)
    {
        var (outcome, response, _) = await knowledge.SearchAsync(query, knowledgeBaseIds, Math.Clamp(topK, 1, 10), KnowledgeSearchModes.Hybrid, cancellationToken);
        return outcome switch
        {
            KnowledgeSearchOutcome.Found => new
            {
                query,
                results = response!.Results.Select(hit => new AgentPassage(hit.DocumentTitle, hit.Text.Length > 1200 ? hit.Text[..1200] : hit.Text, Math.Round(hit.Score, 4))).ToList(),
            },
            KnowledgeSearchOutcome.KnowledgeBaseNotFound => new { query, error = "a knowledge base given to the run does not exist" },
            KnowledgeSearchOutcome.Throttled => new { query, error = "knowledge search is throttled; try again later" },
            _ => new { query, error = "knowledge search is unavailable right now" },
        };
    }

    /// <summary>GET with redirects followed by hand, each hop a new request that the allow-list checks again.</summary>
    private static async Task<object> GetAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var current))
        {
            return new { url, error = "not an absolute URL" };
        }
        try
        {
            for (var hop = 0; hop <= TenantHttp.MaxRedirects; hop++)
            {
                using var response = await http.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                var type = response.Content.Headers.ContentType?.MediaType;
                if (!IsText(type))
                {
                    return new { url = current.ToString(), status = (int)response.StatusCode, content_type = type, error = "the response is not text and is not shown" };
                }
                var text = await ReadLimitedAsync(response, cancellationToken);
                return new
                {
                    url = current.ToString(),
                    status = (int)response.StatusCode,
                    content_type = type,
                    text = text.Length > MaxBodyCharacters ? text[..MaxBodyCharacters] : text,
                    truncated = text.Length > MaxBodyCharacters,
                };
            }
            return new { url, error = $"more than {TenantHttp.MaxRedirects} redirects" };
        }
        catch (HttpRequestException exception) when (Refusal(exception) is { } refusal)
        {
            return new { url = current.ToString(), error = $"refused: {refusal}" };
        }
        catch (HttpRequestException exception)
        {
            return new { url = current.ToString(), error = $"request failed: {exception.Message}" };
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new { url = current.ToString(), error = $"no response within {HttpTimeout.TotalSeconds:0} s" };
        }
    }

    private static bool IsText(string? mediaType) =>
        mediaType is null || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("xml", StringComparison.OrdinalIgnoreCase);

    private static string? Refusal(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is NetworkRefusedException refused)
            {
                return refused.Message;
            }
        }
        return null;
    }

    private static async Task<string> ReadLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxBodyBytes];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static object Calculate(string expression) =>
        AgentCalculator.Evaluate(expression) switch
        {
            { Value: { } value } => new { expression, value },
            var failed => new { expression, error = failed.Error },
        };

    private object Now(string? timeZone)
    {
        var now = clock.GetUtcNow();
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            return new { time_zone = "UTC", now = now.ToString("O") };
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? new { time_zone = zone.Id, now = TimeZoneInfo.ConvertTime(now, zone).ToString("O") }
            : new { time_zone = timeZone, error = "unknown time zone" };
    }
}

/// <summary>A knowledge_search result as the agent sees it.</summary>
public sealed record AgentPassage(string Title, string Text, double Score);

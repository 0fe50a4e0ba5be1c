using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Net.Http.Headers;

namespace VoiceHelper.Identity.CreateWidgetKey;

public sealed class KnowledgeServiceOptions
{
    public const string Section = "Knowledge";

    /// <summary>The Knowledge service; a bare service name resolves through service discovery.</summary>
    [Required] public Uri BaseAddress { get; set; } = new("http://knowledge");
}

/// <summary>
/// Which knowledge bases the caller cannot see: Knowledge's own <c>GET /api/v1/knowledge/bases/{id}</c> with the
/// caller's bearer token forwarded, so Knowledge applies its tenant and rules (another tenant's id answers 404 there
/// exactly as one that never existed). Identity keeps no copy of Knowledge's data (decision 0023).
/// </summary>
public sealed class KnowledgeBaseLookup(HttpClient http, IHttpContextAccessor httpContext)
{
    /// <returns>The ids Knowledge answered 404 for, or null when Knowledge could not tell (unreachable or another error).</returns>
    public async Task<Guid[]?> MissingAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var authorization = httpContext.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString();
        var answers = await Task.WhenAll(ids.Select(async id =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/knowledge/bases/{id}");
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                return (Id: id, Status: response.StatusCode);
            }
            catch (Exception ex) when (ex is HttpRequestException or Polly.ExecutionRejectedException && !cancellationToken.IsCancellationRequested)
            {
                return (Id: id, Status: HttpStatusCode.ServiceUnavailable);
            }
        }));
        return answers.All(a => a.Status is HttpStatusCode.OK or HttpStatusCode.NotFound)
            ? [.. answers.Where(a => a.Status == HttpStatusCode.NotFound).Select(a => a.Id)]
            : null;
    }
}

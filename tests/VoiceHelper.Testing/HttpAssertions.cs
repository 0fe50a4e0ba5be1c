using System.Net;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace VoiceHelper.Testing;

/// <summary>
/// What every service's API tests share: the test's cancellation token, the wire's JSON options and the RFC 7807
/// assertion. Each test project's own <c>Api</c> keeps only the calls of its service.
/// </summary>
public static class HttpAssertions
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>snake_case, as every VoiceHelper service writes JSON.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Asserts an RFC 7807 answer with the given status and stable code, and returns its body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("code").GetString().ShouldBe(code, body);
        return problem;
    }
}

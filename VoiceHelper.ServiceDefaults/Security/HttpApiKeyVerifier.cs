using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.ServiceDefaults.Security;

/// <summary>Asks Identity's internal <c>POST /internal/api-keys/verify</c>, through service discovery and the resilience handler.</summary>
public sealed class HttpApiKeyVerifier(HttpClient http, IOptions<ApiKeyOptions> options) : IApiKeyVerifier
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<ApiKeyCheck> VerifyAsync(string key, CancellationToken cancellationToken)
    {
        var address = new Uri(new Uri(options.Value.IdentityAddress), "/internal/api-keys/verify");
        using var response = await http.PostAsJsonAsync(address, new ApiKeyVerifyRequest(key), Json, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return ApiKeyCheck.Invalid(response.StatusCode == HttpStatusCode.Unauthorized
                && problem.TryGetProperty("code", out var code) && code.GetString() is { } c ? c : "invalid_api_key");
        }
        response.EnsureSuccessStatusCode();
        return ApiKeyCheck.Valid((await response.Content.ReadFromJsonAsync<ApiKeyVerification>(Json, cancellationToken))!);
    }
}

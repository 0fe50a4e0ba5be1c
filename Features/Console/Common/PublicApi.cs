using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using static VoiceHelper.Contracts.ResourceNames;

namespace VoiceHelper.Console.Common;

/// <summary>
/// The public API as a client sees it: the user's bearer token on every call, refreshed before it lapses and once more
/// after a 401; a ProblemDetails answer becomes an <see cref="ApiProblemException"/>.
/// </summary>
public sealed class PublicApi(IHttpClientFactory http, ConsoleSession session)
{
    /// <summary>The services behind the gateway's public routes that the console calls.</summary>
    public static readonly string[] Services = [Identity, Knowledge, Assistant, Conversations];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<T> GetAsync<T>(string service, string path, CancellationToken ct = default)
    {
        using var response = await SendAsync(service, () => new HttpRequestMessage(HttpMethod.Get, path), ct);
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    public async Task<T> PostAsync<T>(string service, string path, object body, CancellationToken ct = default)
    {
        using var response = await SendAsync(service, () => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) }, ct);
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    public async Task SendAsync(string service, HttpMethod method, string path, object? body = null, CancellationToken ct = default)
    {
        using var _ = await SendAsync(service, () => new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body, options: Json),
        }, ct);
    }

    /// <summary>Sign-in and registration: the only calls made without a token.</summary>
    public async Task<T> PostAnonymousAsync<T>(string service, string path, object body, CancellationToken ct = default)
    {
        using var response = await http.CreateClient(service).PostAsJsonAsync(path, body, Json, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, ct);
        }
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    /// <summary>
    /// Sends what <paramref name="build"/> makes (called again for the retry after a refresh, since a request cannot be
    /// sent twice) and answers the successful response, headers read, body not yet (streams stay streams).
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(string service, Func<HttpRequestMessage> build, CancellationToken ct)
    {
        var client = http.CreateClient(service);
        var response = await SendOnceAsync(client, build, force: false, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            response = await SendOnceAsync(client, build, force: true, ct);
        }
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ProblemAsync(response, ct);
            }
        }
        return response;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpClient client, Func<HttpRequestMessage> build, bool force, CancellationToken ct)
    {
        var token = await session.AccessTokenAsync(force, ct) ?? throw new ApiProblemException(401, "signed_out", "Please sign in again.");
        using var request = build();
        request.Headers.Authorization = new("Bearer", token);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    internal static async Task<ApiProblemException> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
            var code = problem.TryGetProperty("code", out var c) ? c.GetString() : null;
            var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
            Dictionary<string, string[]>? fields = null;
            if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                fields = errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray());
                detail = string.Join(" ", fields.Values.SelectMany(m => m));
            }
            return new ApiProblemException(status, code ?? "error", detail ?? response.ReasonPhrase ?? "Request failed.", fields);
        }
        catch (JsonException)
        {
            return new ApiProblemException(status, "error", response.ReasonPhrase ?? "Request failed.");
        }
    }
}

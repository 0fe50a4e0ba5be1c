using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using VoiceHelper.Testing;

namespace VoiceHelper.Voice.Tests.Infrastructure;

/// <summary>
/// The gateway routes the widget uses besides the voice worker's own, on the voice worker's origin as behind the gateway:
/// <c>/api/v1/conversations</c> forwarded to the real Conversations (with the gateway's edge header, so its CORS, origin
/// check and limits are the real ones), and Identity's <c>POST /api/v1/widget/sessions</c> played for one key
/// (<see cref="Key"/>, allowed on <see cref="AllowedOrigins"/>), issuing visitor tokens with the claims Identity gives
/// them. The real exchange (key lookup, origin decision, revocation) is tested against Identity in Identity.Tests.
/// </summary>
public sealed class WidgetFront(TestTokens tokens, Func<Uri> conversations) : IStartupFilter
{
    public const string Key = "vhw_test-widget-key";
    public static readonly Guid TenantId = Guid.Parse("0193a3c4-0000-7000-8000-0000000b0b0b");
    public static readonly Guid KeyId = Guid.Parse("0193a3c4-0000-7000-8000-00000000beef");

    public HashSet<string> AllowedOrigins { get; } = [];

    private static readonly HttpClient Forwarder = new() { Timeout = Timeout.InfiniteTimeSpan };

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/api/v1/widget/sessions", session => session.Run(SessionAsync));
        app.Map("/api/v1/conversations", forward => forward.Run(ForwardAsync));
        next(app);
    };

    private async Task SessionAsync(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        http.Response.Headers.AccessControlAllowOrigin = origin;
        if (HttpMethods.IsOptions(http.Request.Method))
        {
            http.Response.Headers.AccessControlAllowHeaders = "content-type";
            http.Response.Headers.AccessControlAllowMethods = "POST";
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        var body = await http.Request.ReadFromJsonAsync<Dictionary<string, string?>>(http.RequestAborted) ?? [];
        if (body.GetValueOrDefault("key") != Key || !AllowedOrigins.Contains(origin))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsJsonAsync(new { status = 403, code = "origin_not_allowed", detail = "This page's origin is not allowed for the widget key." },
                options: null, contentType: "application/problem+json");
            return;
        }
        var visitorId = body.GetValueOrDefault("visitor_id") ?? Guid.NewGuid().ToString("N");
        var subject = new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(visitorId)).AsSpan(0, 16));
        var token = tokens.Issue(TenantId, subject, roles: [], lifetime: TimeSpan.FromMinutes(15), extraClaims: new Dictionary<string, string>
        {
            ["widget_key"] = KeyId.ToString(),
            ["origin"] = origin,
            ["key_permits"] = "600",
            ["visitor_permits"] = "60",
        });
        await http.Response.WriteAsJsonAsync(new { access_token = token, expires_in = 840, token_type = "Bearer", visitor_id = visitorId, visitor_subject = subject });
    }

    /// <summary>Forwards the request as nginx does (headers, body, the edge header) and streams the answer back as it comes.</summary>
    private async Task ForwardAsync(HttpContext http)
    {
        var target = new Uri(conversations(), "/api/v1/conversations" + http.Request.Path + http.Request.QueryString);
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), target);
        if (http.Request.ContentLength > 0 || http.Request.Headers.ContentType.Count > 0)
        {
            request.Content = new StreamContent(http.Request.Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(http.Request.ContentType!);
        }
        foreach (var header in new[] { "Authorization", "Accept", "Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers" })
        {
            if (http.Request.Headers.TryGetValue(header, out var value))
            {
                request.Headers.TryAddWithoutValidation(header, value.ToString());
            }
        }
        request.Headers.Add("X-VoiceHelper-Edge", "1");
        using var response = await Forwarder.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
        http.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is not ("Transfer-Encoding" or "Content-Length" or "Server" or "Date"))
            {
                http.Response.Headers[name] = values.ToArray();
            }
        }
        await using var body = await response.Content.ReadAsStreamAsync(http.RequestAborted);
        var buffer = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            await http.Response.Body.WriteAsync(buffer.AsMemory(0, read), http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
        }
    }
}

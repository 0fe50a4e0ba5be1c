using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using VoiceHelper.Testing;

namespace VoiceHelper.Voice.Tests.Infrastructure;

/// <summary>
/// What the widget reaches besides the voice worker's own routes, on the voice worker's origin as behind the gateway:
/// <c>/api/v1/conversations</c> forwarded to the real Conversations (with the gateway's edge header, so its CORS, origin
/// check and limits are the real ones). Visitor tokens are minted by <see cref="TestTokens"/> with the claims Identity
/// gives them, as the other Voice tests mint users' tokens; Identity's key-for-visitor-token exchange is not played here:
/// the AppHost end-to-end test (SystemLifecycleTests) drives the widget against the real Identity through the gateway,
/// and Identity.Tests covers the exchange's decisions.
/// </summary>
public sealed class WidgetFront(TestTokens tokens, Func<Uri> conversations) : IStartupFilter
{
    public static readonly Guid TenantId = Guid.Parse("0193a3c4-0000-7000-8000-0000000b0b0b");
    public static readonly Guid KeyId = Guid.Parse("0193a3c4-0000-7000-8000-00000000beef");

    /// <summary>The knowledge base the widget key is bound to: its visitors' conversations ask it and no other.</summary>
    public static readonly Guid KnowledgeBaseId = Guid.Parse("0193a3c4-0000-7000-8000-000000000b0b");

    private static readonly HttpClient Forwarder = new() { Timeout = Timeout.InfiniteTimeSpan };

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/api/v1/conversations", forward => forward.Run(ForwardAsync));
        next(app);
    };

    /// <summary>A visitor's token for a page on <paramref name="origin"/>, with the claims of Identity's exchange (of <see cref="TenantId"/> unless given).</summary>
    public string VisitorToken(string origin, Guid? tenantId = null) =>
        tokens.Issue(tenantId ?? TenantId, Guid.NewGuid(), roles: [], lifetime: TimeSpan.FromMinutes(15), extraClaims: new Dictionary<string, string>
        {
            ["widget_key"] = KeyId.ToString(),
            ["origin"] = origin,
            ["kb_id"] = KnowledgeBaseId.ToString(),
            ["key_permits"] = "600",
            ["visitor_permits"] = "60",
        });

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

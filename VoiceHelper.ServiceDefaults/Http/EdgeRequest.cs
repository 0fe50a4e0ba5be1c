using Microsoft.AspNetCore.Http;

namespace VoiceHelper.ServiceDefaults.Http;

/// <summary>
/// Tells a request that came through the gateway from a call between services. The gateway sets
/// <see cref="HeaderName"/> on every request it forwards, overwriting whatever the client sent; services call each
/// other directly and never forward it. So limits apply once, at the edge, and a service's own call to another
/// (the Assistant searching Knowledge for a user's question) does not spend that user's permits a second time.
/// </summary>
public static class EdgeRequest
{
    public const string HeaderName = "X-VoiceHelper-Edge";

    /// <summary>True when the gateway forwarded this request from outside the system.</summary>
    public static bool CameThroughGateway(HttpContext context) => context.Request.Headers.ContainsKey(HeaderName);
}

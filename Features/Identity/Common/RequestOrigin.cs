using Microsoft.AspNetCore.Http;

namespace VoiceHelper.Identity.Common;

/// <summary>Where a request came from, for the audit log (the IP is the client's: forwarded headers are applied first).</summary>
public sealed record RequestOrigin(string? Ip, string? UserAgent)
{
    private const int MaxUserAgentLength = 512;

    /// <summary>For requests built outside HTTP (tests, tools).</summary>
    public static readonly RequestOrigin Unknown = new(null, null);

    public static RequestOrigin From(HttpContext context)
    {
        var agent = context.Request.Headers.UserAgent.ToString();
        return new(context.Connection.RemoteIpAddress?.ToString(),
            agent.Length == 0 ? null : agent[..Math.Min(agent.Length, MaxUserAgentLength)]);
    }
}

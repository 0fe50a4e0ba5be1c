using Microsoft.Net.Http.Headers;

namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>
/// Where a call's access token travels. Browsers cannot set headers on a WebSocket handshake, so besides the query
/// (<c>access_token</c>) a client may offer the subprotocols <c>voicehelper.v1</c> and <c>access_token.&lt;jwt&gt;</c>;
/// the server answers with <c>voicehelper.v1</c> and never echoes the token.
/// </summary>
public static class VoiceCallToken
{
    public const string Protocol = "voicehelper.v1";
    public const string ProtocolPrefix = "access_token.";

    /// <summary>Moves a subprotocol token into the Authorization header before authentication reads it.</summary>
    public static void PromoteProtocolToken(HttpRequest request)
    {
        if (request.Headers.Authorization.Count > 0 || request.Query.ContainsKey("access_token"))
        {
            return;
        }
        foreach (var offered in request.Headers[HeaderNames.SecWebSocketProtocol])
        {
            foreach (var entry in (offered ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (entry.StartsWith(ProtocolPrefix, StringComparison.Ordinal))
                {
                    request.Headers.Authorization = $"Bearer {entry[ProtocolPrefix.Length..]}";
                    return;
                }
            }
        }
    }

    /// <summary>The token the call authenticated with; it is passed on to Conversations for the caller.</summary>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header[7..].Trim();
        }
        return request.Query["access_token"].ToString() is { Length: > 0 } query ? query : null;
    }
}

using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace VoiceHelper.Identity.Common;

/// <summary>
/// Widget keys and the page origins they are bound to. An origin is exactly what a browser sends in <c>Origin</c>:
/// <c>scheme://host[:port]</c>, lower case, no path, no default port. No wildcards: a browser never sends one, and a
/// <c>*.example.com</c> would trust every subdomain anyone can get content onto; a tenant lists each site instead.
/// Plain <c>http</c> only for loopback (development); everything else must be <c>https</c>.
/// </summary>
public static class WidgetOrigins
{
    public const string KeyMarker = "vhw_";

    public static string NewKey() => KeyMarker + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(18));

    /// <returns>The origin as browsers send it, or null when <paramref name="value"/> is not one.</returns>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Contains('*') || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            return null;
        }
        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}" : $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
    }

    /// <summary>Whether a request's <c>Origin</c> header is one of the key's origins (compared normalised, exactly).</summary>
    public static bool Allows(IEnumerable<string> allowed, string? origin) =>
        Normalize(origin) is { } normalized && allowed.Contains(normalized, StringComparer.Ordinal);

    /// <summary>
    /// The visitor's subject: derived from the key and the visitor id the browser keeps, so the id itself (a bearer secret
    /// of that visitor's conversations) never appears in a token or a list, and the same id under another key is another visitor.
    /// </summary>
    public static Guid VisitorSubject(Guid keyId, string visitorId)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{keyId:N}:{visitorId}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static string NewVisitorId() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace VoiceHelper.Identity.Common;

/// <summary>
/// API key secrets: <c>vh_</c> and 256 random bits in base64url. With that much entropy a plain SHA-256 is a safe store
/// (no password stretching needed) and lets every verification be one indexed lookup.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "vh_";

    /// <summary>What the list shows to tell keys apart: the marker and the first 8 random characters.</summary>
    public const int PrefixLength = 11;

    public static string New() => Marker + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string PrefixOf(string secret) => secret[..PrefixLength];

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace VoiceHelper.Identity.Common;

/// <summary>Opaque refresh tokens: 256 random bits; the database keeps only their SHA-256 (a leak of it logs nobody in).</summary>
public static class RefreshTokenValue
{
    public static string New() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.Bench;

/// <summary>RS256 access tokens shaped like Identity's, signed with a key the bench owns (and validates with).</summary>
internal sealed class BenchTokens : ISigningKeySource, IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;

    public BenchTokens() => _key = new RsaSecurityKey(_rsa) { KeyId = "bench" };

    public IReadOnlyCollection<SecurityKey> GetKeys(string? keyId) => [_key];

    public string Issue(Guid tenantId, Guid userId)
    {
        var claims = new[] { new Claim("sub", userId.ToString()), new Claim("tenant", tenantId.ToString()), new Claim("jti", Guid.NewGuid().ToString("N")), new Claim("roles", "member") };
        var token = new JwtSecurityToken("voicehelper", "voicehelper", claims, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1),
            new SigningCredentials(_key, SecurityAlgorithms.RsaSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public void Dispose() => _rsa.Dispose();
}

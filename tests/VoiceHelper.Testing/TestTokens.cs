using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace VoiceHelper.Testing;

/// <summary>Issues RS256 tokens shaped like Identity's, with a key the test owns, for services tested without Identity.</summary>
public sealed class TestTokens : IDisposable
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly RSA _rsa = RSA.Create(2048);

    public TestTokens(string keyId = "test-key") => Key = new RsaSecurityKey(_rsa) { KeyId = keyId };

    public RsaSecurityKey Key { get; }

    public string Issue(Guid tenantId, Guid userId, string[]? roles = null, TimeSpan? lifetime = null, string? jti = null,
        string issuer = "voicehelper", string audience = "voicehelper", DateTime? notBefore = null,
        IReadOnlyDictionary<string, string>? extraClaims = null)
    {
        var claims = new List<Claim>
        {
            new("sub", userId.ToString()),
            new("tenant", tenantId.ToString()),
            new("jti", jti ?? Guid.NewGuid().ToString("N")),
        };
        claims.AddRange((roles ?? ["member"]).Select(r => new Claim("roles", r)));
        claims.AddRange((extraClaims ?? new Dictionary<string, string>()).Select(c => new Claim(c.Key, c.Value)));
        var start = notBefore ?? DateTime.UtcNow.AddMinutes(-1);
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = start,
            IssuedAt = start,
            Expires = start + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose() => _rsa.Dispose();
}

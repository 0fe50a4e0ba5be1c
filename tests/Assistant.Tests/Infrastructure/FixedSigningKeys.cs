using Microsoft.IdentityModel.Tokens;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.Tests.Infrastructure;

/// <summary>The test's own signing key, trusted by every service in the fixture instead of Identity's JWKS.</summary>
public sealed class FixedSigningKeys(SecurityKey key) : ISigningKeySource
{
    public IReadOnlyCollection<SecurityKey> GetKeys(string? keyId) => [key];
}

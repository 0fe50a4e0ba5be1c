using Microsoft.IdentityModel.Tokens;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

/// <summary>Validates tokens with the test's own key instead of fetching Identity's JWKS.</summary>
public sealed class StaticSigningKeys(SecurityKey key) : ISigningKeySource
{
    public IReadOnlyCollection<SecurityKey> GetKeys(string? keyId) => [key];
}

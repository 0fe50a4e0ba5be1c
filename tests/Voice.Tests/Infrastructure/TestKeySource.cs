using Microsoft.IdentityModel.Tokens;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Testing;

namespace VoiceHelper.Voice.Tests.Infrastructure;

/// <summary>Validates tokens with the test's own key instead of fetching Identity's JWKS.</summary>
public sealed class TestKeySource(TestTokens tokens) : ISigningKeySource
{
    public IReadOnlyCollection<SecurityKey> GetKeys(string? keyId) => [tokens.Key];
}

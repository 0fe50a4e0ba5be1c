using Microsoft.IdentityModel.Tokens;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Testing;

namespace VoiceHelper.Knowledge.Tests.Infrastructure;

/// <summary>Validates tokens minted by <see cref="TestTokens"/> instead of fetching Identity's JWKS.</summary>
public sealed class TestKeySource(TestTokens tokens) : ISigningKeySource
{
    public IReadOnlyCollection<SecurityKey> GetKeys(string? keyId) => [tokens.Key];
}

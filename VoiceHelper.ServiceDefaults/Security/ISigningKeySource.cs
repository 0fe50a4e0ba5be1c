using Microsoft.IdentityModel.Tokens;

namespace VoiceHelper.ServiceDefaults.Security;

/// <summary>Where token-validation keys come from: Identity's JWKS over HTTP by default, its own key store inside Identity.</summary>
public interface ISigningKeySource
{
    IReadOnlyCollection<SecurityKey> GetKeys(string? keyId);
}

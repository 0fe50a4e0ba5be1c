using Microsoft.IdentityModel.Tokens;

namespace VoiceHelper.ServiceDefaults.Security;

/// <summary>
/// Keys known in process. Registered only where the keys live (Identity's own key store, test fixtures); every other
/// service takes them from Identity's OpenID configuration document (<see cref="JwtOptions.MetadataAddress"/>).
/// </summary>
public interface ISigningKeySource
{
    IReadOnlyCollection<SecurityKey> GetKeys(string? keyId);
}

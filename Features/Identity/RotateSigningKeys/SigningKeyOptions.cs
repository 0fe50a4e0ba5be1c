using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Identity.RotateSigningKeys;

/// <summary>
/// The token-signing keys. Private keys are stored in identitydb encrypted with AES-256-GCM under
/// <see cref="KeyEncryptionKey"/>, which comes from configuration (a Kubernetes Secret, the AppHost's secret
/// parameter): see docs/decisions/0004-identity-signing-keys.md.
/// </summary>
public sealed class SigningKeyOptions : IValidatableObject
{
    public const string Section = "SigningKeys";

    /// <summary>Base64 of 32 random bytes (<c>openssl rand -base64 32</c>).</summary>
    [Required] public string KeyEncryptionKey { get; set; } = "";

    /// <summary>How long one key signs before a new one replaces it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often a replica reloads the key set, to publish keys another replica created.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (KeyEncryption.TryDecodeKey(KeyEncryptionKey) is null)
        {
            yield return new ValidationResult("SigningKeys:KeyEncryptionKey must be the base64 of exactly 32 bytes.", [nameof(KeyEncryptionKey)]);
        }
    }
}

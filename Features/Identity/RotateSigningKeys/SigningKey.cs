namespace VoiceHelper.Identity.RotateSigningKeys;

/// <summary>An RSA token-signing key as stored: the public half in clear, the private half encrypted (see <see cref="KeyEncryption"/>).</summary>
public sealed class SigningKey
{
    public required string KeyId { get; set; }
    public required byte[] PublicKey { get; set; }
    public required byte[] PrivateKeyCiphertext { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

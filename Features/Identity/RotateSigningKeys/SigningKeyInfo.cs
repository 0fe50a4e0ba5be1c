namespace VoiceHelper.Identity.RotateSigningKeys;

/// <summary>What rotation needs to know about a stored key. <see cref="CanSign"/> is false when its private half cannot be decrypted.</summary>
public sealed record SigningKeyInfo(string KeyId, DateTimeOffset CreatedAt, bool CanSign = true);

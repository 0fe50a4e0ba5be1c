namespace VoiceHelper.Identity.RotateSigningKeys;

/// <param name="ActiveKeyId">The key that signs now, or null when a new key must be created first.</param>
/// <param name="PublishedKeyIds">Keys in the JWKS: the active one and those whose tokens may still be valid.</param>
/// <param name="ExpiredKeyIds">Keys no valid token can refer to any more; safe to delete.</param>
public sealed record SigningKeyPlan(string? ActiveKeyId, IReadOnlyList<string> PublishedKeyIds, IReadOnlyList<string> ExpiredKeyIds);

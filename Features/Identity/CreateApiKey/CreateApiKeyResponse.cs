namespace VoiceHelper.Identity.CreateApiKey;

/// <summary>The new key; <paramref name="Key"/> is the secret, shown this once and never again.</summary>
public sealed record CreateApiKeyResponse(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, string Key);

namespace VoiceHelper.Console.Common.Api;

/// <summary>An API key as Identity lists it: its prefix, never the secret.</summary>
public sealed record ApiKeyItem(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

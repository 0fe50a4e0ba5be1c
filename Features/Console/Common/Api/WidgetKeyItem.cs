namespace VoiceHelper.Console.Common.Api;

/// <summary>A widget key as Identity creates and lists it; the key is publishable, so it is always shown.</summary>
public sealed record WidgetKeyItem(Guid Id, string Name, string Key, IReadOnlyList<string> AllowedOrigins, IReadOnlyList<Guid> KbIds,
    int KeyPermitsPerMinute, int VisitorPermitsPerMinute, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

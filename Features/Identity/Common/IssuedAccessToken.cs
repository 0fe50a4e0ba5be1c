namespace VoiceHelper.Identity.Common;

public sealed record IssuedAccessToken(string Token, string TokenId, DateTimeOffset ExpiresAt);

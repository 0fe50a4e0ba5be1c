using VoiceHelper.Console.Common.Api;

namespace VoiceHelper.Console.Common;

/// <summary>What survives a reload, encrypted by Data Protection in the browser's local storage (never readable there).</summary>
public sealed record StoredSession(string AccessToken, string RefreshToken, DateTimeOffset RefreshAt, UserInfo User);

namespace VoiceHelper.Console.Common.Api;

/// <summary>What login and refresh answer (Identity). The console reads only these fields.</summary>
public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn, UserInfo User);

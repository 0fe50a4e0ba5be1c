namespace VoiceHelper.Identity.Common;

/// <summary>What login and refresh answer. <see cref="ExpiresIn"/> is the access token's lifetime in seconds.</summary>
public sealed record TokenResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType, UserResponse User);

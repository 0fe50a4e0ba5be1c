namespace VoiceHelper.Contracts.Api;

/// <summary>The body of Identity's internal <c>POST /internal/api-keys/verify</c>: the secret as the client presented it.</summary>
public sealed record ApiKeyVerifyRequest(string Key);

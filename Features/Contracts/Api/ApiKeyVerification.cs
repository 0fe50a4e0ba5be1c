namespace VoiceHelper.Contracts.Api;

/// <summary>
/// Identity's answer to <c>POST /internal/api-keys/verify {key}</c> (service to service, not routed by the gateway): the
/// live key's identity, which a service turns into the same tenant claims an access token carries, plus the scopes.
/// </summary>
public sealed record ApiKeyVerification(Guid KeyId, Guid TenantId, string Name, IReadOnlyList<string> Scopes);

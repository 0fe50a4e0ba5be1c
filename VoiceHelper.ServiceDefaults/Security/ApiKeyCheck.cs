using VoiceHelper.Contracts.Api;

namespace VoiceHelper.ServiceDefaults.Security;

/// <summary>A verified key, or the stable code that says why it was refused (<c>invalid_api_key</c>, <c>api_key_revoked</c>).</summary>
public sealed record ApiKeyCheck(ApiKeyVerification? Key, string? FailureCode)
{
    public static ApiKeyCheck Valid(ApiKeyVerification key) => new(key, null);

    public static ApiKeyCheck Invalid(string code) => new(null, code);
}

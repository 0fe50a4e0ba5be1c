namespace VoiceHelper.Contracts;

/// <summary>Redis keys shared across services (Identity writes revocations, every service reads them).</summary>
public static class RedisKeys
{
    public static string RevokedToken(string jti) => $"auth:revoked:{jti}";
    public static string DisabledUser(Guid userId) => $"auth:disabled:{userId:N}";
    public static string RevokedApiKey(Guid keyId) => $"auth:revoked-api-key:{keyId:N}";
    public static string RevokedWidgetKey(Guid keyId) => $"auth:revoked-widget-key:{keyId:N}";
}

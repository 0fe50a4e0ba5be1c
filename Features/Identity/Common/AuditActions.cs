namespace VoiceHelper.Identity.Common;

/// <summary>The audit log's action names: stable strings, readers filter on them.</summary>
public static class AuditActions
{
    public const string TenantRegistered = "tenant_registered";
    public const string LoginSucceeded = "login_succeeded";
    public const string LoginFailed = "login_failed";
    public const string AccountLocked = "account_locked";
    public const string RefreshTokenReused = "refresh_token_reused";
    public const string LoggedOut = "logged_out";
    public const string UserAdded = "user_added";
    public const string RoleChanged = "role_changed";
    public const string UserDisabled = "user_disabled";
    public const string ApiKeyCreated = "api_key_created";
    public const string ApiKeyRevoked = "api_key_revoked";
    public const string WidgetKeyCreated = "widget_key_created";
    public const string WidgetKeyRevoked = "widget_key_revoked";
}

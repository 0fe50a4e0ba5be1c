using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.Common;

/// <summary>Identity's expected failures. The codes are part of the API: clients branch on them.</summary>
public static class IdentityErrors
{
    /// <summary>Unknown email and wrong password answer exactly this, so an attacker cannot tell which.</summary>
    public static readonly Error InvalidCredentials = Error.Unauthorized("invalid_credentials", "The email or password is incorrect.");
    public static readonly Error AccountLocked = new("account_locked", 423,
        "Too many failed sign-in attempts; the account is locked for a while. Try again later.");
    public static readonly Error AccountDisabled = Error.Forbidden("account_disabled", "This account has been disabled by an administrator.");
    public static readonly Error TooManyAttempts = new("rate_limited", 429, "Too many attempts for this account; retry in a minute.");
    public static readonly Error EmailTaken = Error.Conflict("email_taken", "An account with this email already exists.");
    public static readonly Error UsernameTaken = Error.Conflict("username_taken", "This username is already used in the tenant.");
    public static readonly Error InvalidRefreshToken = Error.Unauthorized("invalid_refresh_token", "The refresh token is not valid.");
    public static readonly Error RefreshTokenExpired = Error.Unauthorized("refresh_token_expired", "The refresh token has expired; sign in again.");
    public static readonly Error RefreshTokenReused = Error.Unauthorized("refresh_token_reused",
        "This refresh token was already used; every session of this login has been ended. Sign in again.");
    public static readonly Error UserNotFound = Error.NotFound("user");
    public static readonly Error OwnerRequired = Error.Forbidden("owner_required", "Only an owner can grant the owner role or change an owner.");
    public static readonly Error LastOwner = Error.Conflict("last_owner", "A tenant must keep at least one active owner.");
    public static readonly Error ApiKeyNotFound = Error.NotFound("api_key");
    public static readonly Error InvalidApiKey = Error.Unauthorized("invalid_api_key", "The API key is not valid.");
    public static readonly Error ApiKeyRevoked = Error.Unauthorized("api_key_revoked", "The API key has been revoked.");
    public static readonly Error ApiKeyLimit = Error.Conflict("api_key_limit", $"A tenant may have at most {MaxActiveApiKeys} active API keys; revoke one first.");
    public const int MaxActiveApiKeys = 50;
    public static readonly Error WidgetKeyNotFound = Error.NotFound("widget_key");
    public static readonly Error InvalidWidgetKey = Error.Unauthorized("invalid_widget_key", "The widget key is not valid.");
    public static readonly Error WidgetKeyRevoked = Error.Unauthorized("widget_key_revoked", "The widget key has been revoked.");
    public static readonly Error OriginNotAllowed = Error.Forbidden("origin_not_allowed", "This page's origin is not allowed for the widget key.");
    public static readonly Error WidgetKeyLimit = Error.Conflict("widget_key_limit", $"A tenant may have at most {MaxActiveApiKeys} active widget keys; revoke one first.");
    public static readonly Error KnowledgeUnavailable = new("knowledge_unavailable", 503,
        "The knowledge service could not confirm the knowledge bases; try again shortly.");
    public static readonly Error CannotDisableSelf = Error.Conflict("cannot_disable_self", "You cannot disable your own account.");

    /// <summary>A widget key's <c>kb_ids</c> name knowledge bases the tenant does not have (another tenant's look the same).</summary>
    public static Error KnowledgeBasesNotFound(IEnumerable<Guid> ids) =>
        new("knowledge_base_not_found", 404, $"These knowledge bases do not exist in the tenant: {string.Join(", ", ids)}.",
            new Dictionary<string, string[]> { ["kb_ids"] = [.. ids.Select(id => id.ToString())] });

    public static Error WidgetKeyBusy(TimeSpan retryAfter) =>
        new("rate_limited", 429, "Too many visitor sessions for this widget key right now; retry after the given delay.", RetryAfter: retryAfter);

    public static Error WeakPassword(IReadOnlyList<string> problems) =>
        new("weak_password", 400, "The password does not meet the password policy.",
            new Dictionary<string, string[]> { ["password"] = [.. problems] });
}

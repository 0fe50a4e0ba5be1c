namespace VoiceHelper.Contracts;

/// <summary>Claim names in VoiceHelper access tokens; every service reads tokens through these.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Tenant = "tenant";
    public const string Role = "roles";
    public const string TokenId = "jti";
    public const string Email = "email";
    public const string Name = "name";

    /// <summary>An API key's scopes, one claim each (<see cref="ApiKeyScopes"/>); access tokens carry none.</summary>
    public const string Scope = "scope";

    /// <summary>A widget visitor's token: the widget key it was exchanged for (its presence marks a visitor, who has no role).</summary>
    public const string WidgetKey = "widget_key";

    /// <summary>A widget visitor's token: the page origin it was issued to; every request with it must come from there.</summary>
    public const string Origin = "origin";

    /// <summary>A widget visitor's token: the knowledge bases its key lets visitors ask, one claim each.</summary>
    public const string KnowledgeBase = "kb_id";

    /// <summary>A widget visitor's token: the key's permits per minute, for the whole key and for one visitor.</summary>
    public const string KeyPermits = "key_permits";

    /// <inheritdoc cref="KeyPermits"/>
    public const string VisitorPermits = "visitor_permits";
}

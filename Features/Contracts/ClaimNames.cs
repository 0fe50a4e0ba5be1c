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
}

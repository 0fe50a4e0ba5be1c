namespace VoiceHelper.ServiceDefaults.Security;

/// <summary>Authorization policy names declared on endpoints (role checks never live in handlers).</summary>
public static class Policies
{
    public const string Authenticated = "authenticated";
    public const string TenantAdmin = "tenant-admin";
}

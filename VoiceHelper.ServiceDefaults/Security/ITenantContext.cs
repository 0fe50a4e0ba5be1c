namespace VoiceHelper.ServiceDefaults.Security;

/// <summary>Who is calling: tenant and user from the validated access token, or nothing for anonymous calls.</summary>
public interface ITenantContext
{
    Guid? TenantId { get; }
    Guid? UserId { get; }
    IReadOnlyList<string> Roles { get; }
}

namespace VoiceHelper.Identity.Common;

/// <summary>A company using VoiceHelper. Not <c>ITenantOwned</c>: it is the tenant.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

namespace VoiceHelper.ServiceDefaults.Data;

/// <summary>Marks an entity that belongs to one tenant; <see cref="TenantDbContext"/> filters and stamps it.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}

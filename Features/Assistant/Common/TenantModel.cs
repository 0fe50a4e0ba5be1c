using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Assistant.Common;

/// <summary>A model a tenant configured (admin API); it joins the routing next to the deployment's catalog.</summary>
public sealed class TenantModel : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="ModelProviders"/>.</summary>
    public string Provider { get; set; } = "";
    public string? Endpoint { get; set; }
    public string? Model { get; set; }

    /// <summary>Write-only through the API: never returned.</summary>
    public string? ApiKey { get; set; }
    public decimal InputPricePer1K { get; set; }
    public decimal OutputPricePer1K { get; set; }
    public int ContextWindow { get; set; }
    public int QualityTier { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

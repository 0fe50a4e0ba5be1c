using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Assistant.Common;

/// <summary>A tenant's routing strategy and monthly budget (null: none).</summary>
public sealed class RouterSettings : ITenantOwned
{
    public Guid TenantId { get; set; }
    public string? Strategy { get; set; }
    public decimal? MonthlyBudgetUsd { get; set; }

    /// <summary>Share of the budget past which cheaper models are preferred and answers capped.</summary>
    public decimal SoftLimitRatio { get; set; } = 0.8m;
    public DateTimeOffset UpdatedAt { get; set; }
}

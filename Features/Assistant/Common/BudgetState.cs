namespace VoiceHelper.Assistant.Common;

/// <summary>
/// Where a tenant stands in its period: spent (answers settled plus reservations of answers in flight), its budget
/// (null: none), and whether the soft or the hard limit is reached.
/// </summary>
public sealed record BudgetState(decimal SpentUsd, decimal? BudgetUsd, decimal SoftLimitRatio, BudgetPeriod Period, bool Counted)
{
    public bool HardLimitReached => BudgetUsd is { } budget && SpentUsd >= budget;

    public bool SoftLimitReached => BudgetUsd is { } budget && SpentUsd >= budget * SoftLimitRatio;

    public decimal? RemainingUsd => BudgetUsd is { } budget ? Math.Max(0, budget - SpentUsd) : null;
}

namespace VoiceHelper.Console.Common.Api;

/// <param name="State"><c>ok</c>, <c>soft_limit</c>, <c>exhausted</c> or <c>unlimited</c>.</param>
public sealed record BudgetReport(DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, decimal? MonthlyBudgetUsd, decimal SoftLimitRatio,
    decimal SpentUsd, decimal? RemainingUsd, string State);

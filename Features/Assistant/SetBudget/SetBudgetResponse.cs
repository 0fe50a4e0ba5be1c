namespace VoiceHelper.Assistant.SetBudget;

public sealed record SetBudgetResponse(decimal? MonthlyBudgetUsd, decimal SoftLimitRatio, DateTimeOffset UpdatedAt);

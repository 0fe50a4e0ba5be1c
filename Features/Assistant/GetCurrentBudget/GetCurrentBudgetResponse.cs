namespace VoiceHelper.Assistant.GetCurrentBudget;

/// <param name="SpentUsd">Answers settled this month plus the estimates of answers in flight.</param>
/// <param name="State"><c>ok</c>, <c>soft_limit</c> (cheaper models, capped answers), <c>exhausted</c> (429) or <c>unlimited</c>.</param>
public sealed record GetCurrentBudgetResponse(
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    decimal? MonthlyBudgetUsd,
    decimal SoftLimitRatio,
    decimal SpentUsd,
    decimal? RemainingUsd,
    string State);

using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.SetBudget;

/// <param name="MonthlyBudgetUsd">Null removes the budget.</param>
/// <param name="SoftLimitRatio">Share of the budget past which cheaper models are preferred and answers capped (default 0.8).</param>
public sealed record SetBudgetRequest(decimal? MonthlyBudgetUsd, decimal? SoftLimitRatio) : IRequest<Result<SetBudgetResponse>>;

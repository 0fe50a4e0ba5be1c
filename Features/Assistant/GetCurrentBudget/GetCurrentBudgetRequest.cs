using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.GetCurrentBudget;

public sealed record GetCurrentBudgetRequest : IRequest<Result<GetCurrentBudgetResponse>>;

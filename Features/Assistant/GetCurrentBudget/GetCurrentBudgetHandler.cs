using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.GetCurrentBudget;

public sealed class GetCurrentBudgetHandler(AssistantDbContext db, BudgetLedger ledger, ITenantContext caller, TimeProvider clock)
    : IRequestHandler<GetCurrentBudgetRequest, Result<GetCurrentBudgetResponse>>
{
    public async Task<Result<GetCurrentBudgetResponse>> Handle(GetCurrentBudgetRequest request, CancellationToken cancellationToken)
    {
        var settings = await db.RouterSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var state = await ledger.StateAsync(caller.TenantId!.Value, settings?.MonthlyBudgetUsd, settings?.SoftLimitRatio ?? 0.8m, clock.GetUtcNow());
        return new GetCurrentBudgetResponse(state.Period.Start, state.Period.End, state.BudgetUsd, state.SoftLimitRatio,
            Math.Round(state.SpentUsd, 8), state.RemainingUsd is { } remaining ? Math.Round(remaining, 8) : null, Describe(state));
    }

    public static string Describe(BudgetState state) => state switch
    {
        { BudgetUsd: null } => "unlimited",
        { HardLimitReached: true } => "exhausted",
        { SoftLimitReached: true } => "soft_limit",
        _ => "ok",
    };
}

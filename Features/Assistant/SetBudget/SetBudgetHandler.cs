using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.SetBudget;

/// <summary>The budget applies from the next request; what was spent this month so far still counts.</summary>
public sealed class SetBudgetHandler(AssistantDbContext db, TimeProvider clock) : IRequestHandler<SetBudgetRequest, Result<SetBudgetResponse>>
{
    public async Task<Result<SetBudgetResponse>> Handle(SetBudgetRequest request, CancellationToken cancellationToken)
    {
        var settings = await db.RouterSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new RouterSettings();
            db.RouterSettings.Add(settings);
        }
        settings.MonthlyBudgetUsd = request.MonthlyBudgetUsd;
        settings.SoftLimitRatio = request.SoftLimitRatio ?? settings.SoftLimitRatio;
        settings.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new SetBudgetResponse(settings.MonthlyBudgetUsd, settings.SoftLimitRatio, settings.UpdatedAt);
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.SetRoutingStrategy;

public sealed class SetRoutingStrategyHandler(AssistantDbContext db, TimeProvider clock)
    : IRequestHandler<SetRoutingStrategyRequest, Result<SetRoutingStrategyResponse>>
{
    public async Task<Result<SetRoutingStrategyResponse>> Handle(SetRoutingStrategyRequest request, CancellationToken cancellationToken)
    {
        var settings = await db.RouterSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new RouterSettings();
            db.RouterSettings.Add(settings);
        }
        settings.Strategy = request.Strategy;
        settings.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new SetRoutingStrategyResponse(settings.Strategy, settings.UpdatedAt);
    }
}

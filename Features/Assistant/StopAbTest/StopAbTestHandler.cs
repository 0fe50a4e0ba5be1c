using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.StopAbTest;

public sealed class StopAbTestHandler(AssistantDbContext db, TimeProvider clock) : IRequestHandler<StopAbTestRequest, Result<AbTestView>>
{
    public async Task<Result<AbTestView>> Handle(StopAbTestRequest request, CancellationToken cancellationToken)
    {
        var test = await db.AbTests.SingleOrDefaultAsync(t => t.Id == request.Id, cancellationToken);
        if (test is null)
        {
            return AssistantErrors.AbTestNotFound;
        }
        if (test.Status != AbTest.Running)
        {
            return AssistantErrors.AbTestState(test.Status);
        }
        test.Status = AbTest.Stopped;
        test.StoppedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return AbTestView.From(test);
    }
}

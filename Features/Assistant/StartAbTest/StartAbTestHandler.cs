using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.StartAbTest;

/// <summary>One running test per tenant (a partial unique index backs the check against a concurrent start).</summary>
public sealed class StartAbTestHandler(AssistantDbContext db, TimeProvider clock) : IRequestHandler<StartAbTestRequest, Result<AbTestView>>
{
    public async Task<Result<AbTestView>> Handle(StartAbTestRequest request, CancellationToken cancellationToken)
    {
        var test = await db.AbTests.SingleOrDefaultAsync(t => t.Id == request.Id, cancellationToken);
        if (test is null)
        {
            return AssistantErrors.AbTestNotFound;
        }
        if (test.Status != AbTest.Draft)
        {
            return AssistantErrors.AbTestState(test.Status);
        }
        if (await db.AbTests.AnyAsync(t => t.Status == AbTest.Running, cancellationToken))
        {
            return AssistantErrors.AbTestRunning;
        }
        test.Status = AbTest.Running;
        test.StartedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return AssistantErrors.AbTestRunning;
        }
        return AbTestView.From(test);
    }
}

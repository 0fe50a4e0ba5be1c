using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.SetAgentAllowList;

/// <summary>Replaces the tenant's allow-list as a whole, in one transaction.</summary>
public sealed class SetAgentAllowListHandler(AgentDbContext db, ITenantContext tenant) : IRequestHandler<SetAgentAllowListRequest, Result<AgentAllowList>>
{
    public async Task<Result<AgentAllowList>> Handle(SetAgentAllowListRequest request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await db.AllowedHosts.ToListAsync(cancellationToken);
        var next = SetAgentAllowListDecision.Replace(request.List.Hosts!, tenant.TenantId!.Value);
        // Two saves: a host kept in the new list is the same key as the removed row, which EF cannot track twice.
        db.AllowedHosts.RemoveRange(current);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        db.AllowedHosts.AddRange(next);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SetAgentAllowListDecision.Show(next);
    }
}

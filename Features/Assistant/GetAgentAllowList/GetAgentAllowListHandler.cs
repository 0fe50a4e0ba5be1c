using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.GetAgentAllowList;

public sealed class GetAgentAllowListHandler(AgentDbContext db) : IRequestHandler<GetAgentAllowListRequest, Result<AgentAllowList>>
{
    public async Task<Result<AgentAllowList>> Handle(GetAgentAllowListRequest request, CancellationToken cancellationToken) =>
        new AgentAllowList((await db.AllowedHosts.AsNoTracking().OrderBy(h => h.Host).ToListAsync(cancellationToken))
            .Select(h => new AgentAllowListEntry(h.Host, h.AllowPrivate)).ToList());
}

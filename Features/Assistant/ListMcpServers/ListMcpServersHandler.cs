using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.ListMcpServers;

public sealed class ListMcpServersHandler(AgentDbContext db) : IRequestHandler<ListMcpServersRequest, Result<PageResponse<AgentMcpServerResponse>>>
{
    public async Task<Result<PageResponse<AgentMcpServerResponse>>> Handle(ListMcpServersRequest request, CancellationToken cancellationToken)
    {
        var rows = await db.McpServers.AsNoTracking().OrderBy(s => s.Name)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize + 1)
            .ToListAsync(cancellationToken);
        return PageResponse<AgentMcpServerResponse>.FromOverfetched(rows.Select(AgentMcpServerResponse.From).ToList(), request.Page, request.PageSize);
    }
}

using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.DeleteMcpServer;

/// <summary>Another tenant's server answers 404 like a missing one: the tenant filter does not find it.</summary>
public sealed class DeleteMcpServerHandler(AgentDbContext db) : IRequestHandler<DeleteMcpServerRequest, Result>
{
    public async Task<Result> Handle(DeleteMcpServerRequest request, CancellationToken cancellationToken) =>
        await db.McpServers.Where(s => s.Id == request.Id).ExecuteDeleteAsync(cancellationToken) == 0
            ? AgentErrors.McpServerNotFound
            : Result.Success;
}

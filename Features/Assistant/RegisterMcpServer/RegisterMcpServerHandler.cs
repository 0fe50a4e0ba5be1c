using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.RegisterMcpServer;

/// <summary>
/// Registers an MCP server whose host is on the allow-list. Its address is checked again at every connection, so a
/// later change of the list or of the name's DNS takes effect without re-registering.
/// </summary>
public sealed class RegisterMcpServerHandler(AgentDbContext db, TimeProvider clock) : IRequestHandler<RegisterMcpServerRequest, Result<AgentMcpServerResponse>>
{
    public async Task<Result<AgentMcpServerResponse>> Handle(RegisterMcpServerRequest request, CancellationToken cancellationToken)
    {
        var policy = new TenantNetworkPolicy(await db.AllowedHosts.AsNoTracking().ToListAsync(cancellationToken));
        var url = new Uri(request.Url!);
        if (policy.Refusal(url) is not null)
        {
            return AgentErrors.HostNotAllowed(url.IdnHost);
        }
        if (await db.McpServers.AnyAsync(s => s.Name == request.Name, cancellationToken))
        {
            return AgentErrors.McpServerExists;
        }
        var now = clock.GetUtcNow();
        var server = new AgentMcpServer { Id = Guid.CreateVersion7(now), Name = request.Name!, Url = url.ToString(), CreatedAt = now };
        db.McpServers.Add(server);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return AgentErrors.McpServerExists;
        }
        return AgentMcpServerResponse.From(server);
    }
}

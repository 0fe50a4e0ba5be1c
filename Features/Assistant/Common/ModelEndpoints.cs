using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.Common;

/// <summary>
/// Where a tenant's model may point: the same rule as the agent's network tools (its host on the tenant's allow-list,
/// an internal address only with allow_private), checked when the model is configured and again on every connection.
/// </summary>
public static class ModelEndpoints
{
    public static async Task<Error?> RefusalAsync(AgentDbContext db, string? endpoint, CancellationToken cancellationToken)
    {
        if (endpoint is null)
        {
            return null;
        }
        var policy = new TenantNetworkPolicy(await db.AllowedHosts.AsNoTracking().ToListAsync(cancellationToken));
        return await TenantHttp.RefusalAsync(policy, new Uri(endpoint), cancellationToken) is { } refusal
            ? AssistantErrors.EndpointNotAllowed(refusal)
            : null;
    }
}

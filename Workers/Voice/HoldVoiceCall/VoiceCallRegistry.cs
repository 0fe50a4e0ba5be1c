using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Common;

namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>
/// The calls of this instance: by session id (to resume one after a dropped connection) and counted per tenant (a
/// tenant's calls are limited so one tenant cannot take every decode thread). A call whose connection dropped is kept
/// for the resume window, then ended.
/// </summary>
public sealed class VoiceCallRegistry(IOptions<VoiceOptions> options, ILogger<VoiceCallRegistry> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, VoiceCallSession> sessions = new();
    private readonly ConcurrentDictionary<Guid, int> perTenant = new();

    public int Count => sessions.Count;

    public int CountFor(Guid tenantId) => perTenant.TryGetValue(tenantId, out var count) ? count : 0;

    /// <summary>Takes one of the tenant's call places, or says there is none left.</summary>
    public bool TryReserve(Guid tenantId)
    {
        while (true)
        {
            if (!perTenant.TryGetValue(tenantId, out var current))
            {
                if (perTenant.TryAdd(tenantId, 1))
                {
                    return true;
                }
                continue;
            }
            if (current >= options.Value.MaxSessionsPerTenant)
            {
                return false;
            }
            if (perTenant.TryUpdate(tenantId, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Release(Guid tenantId) => perTenant.AddOrUpdate(tenantId, 0, (_, count) => Math.Max(0, count - 1));

    public void Add(VoiceCallSession session) => sessions[session.Id] = session;

    public VoiceCallSession? Find(Guid sessionId) => sessions.TryGetValue(sessionId, out var session) ? session : null;

    /// <summary>The connection dropped: the call waits for its client, then ends if it did not come back.</summary>
    public void Detached(VoiceCallSession session, int connection)
    {
        _ = Task.Run(async () =>
        {
            await Task.Delay(options.Value.ResumeWindowMs);
            if (session.Connection == connection && !session.IsAttached && sessions.TryRemove(session.Id, out _))
            {
                logger.LogInformation("Voice call {SessionId} ended: its client did not come back", session.Id);
                await EndAsync(session);
            }
        });
    }

    /// <summary>The call ended on purpose (the client closed it): no resume.</summary>
    public async Task RemoveAsync(VoiceCallSession session)
    {
        if (sessions.TryRemove(session.Id, out _))
        {
            await EndAsync(session);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in sessions.Values)
        {
            if (sessions.TryRemove(session.Id, out _))
            {
                await EndAsync(session);
            }
        }
    }

    private async Task EndAsync(VoiceCallSession session)
    {
        Release(session.TenantId);
        await session.DisposeAsync();
    }
}

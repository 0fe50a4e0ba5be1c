using System.Net;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.Assistant.Common;

namespace VoiceHelper.Assistant.SetAgentAllowList;

public static class SetAgentAllowListDecision
{
    public static bool IsHost(string? host) =>
        host is not null && (IPAddress.TryParse(host.Trim('[', ']'), out _)
            || Uri.CheckHostName(host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host) == UriHostNameType.Dns);

    /// <summary>The new list: host names lower-cased, IPv6 without brackets, one entry per host (the last one wins).</summary>
    public static List<AgentAllowedHost> Replace(IEnumerable<AgentAllowListEntry> entries, Guid tenantId) =>
        entries.Select(e => new AgentAllowedHost { TenantId = tenantId, Host = e.Host.Trim().Trim('[', ']').TrimEnd('.').ToLowerInvariant(), AllowPrivate = e.AllowPrivate })
            .GroupBy(h => h.Host).Select(g => g.Last()).OrderBy(h => h.Host, StringComparer.Ordinal).ToList();

    public static AgentAllowList Show(IEnumerable<AgentAllowedHost> hosts) =>
        new(hosts.OrderBy(h => h.Host, StringComparer.Ordinal).Select(h => new AgentAllowListEntry(h.Host, h.AllowPrivate)).ToList());
}

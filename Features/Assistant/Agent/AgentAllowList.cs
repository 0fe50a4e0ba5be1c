namespace VoiceHelper.Assistant.Agent;

/// <summary>The body and the answer of the allow-list API.</summary>
public sealed record AgentAllowList(IReadOnlyList<AgentAllowListEntry>? Hosts);

/// <param name="Host">A host name, an IP address, or <c>*.example.com</c> for every subdomain.</param>
/// <param name="AllowPrivate">Whether the host may resolve to a private, loopback or link-local address (an intranet service).</param>
public sealed record AgentAllowListEntry(string Host, bool AllowPrivate = false);

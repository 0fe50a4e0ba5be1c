using System.Net;
using System.Net.Sockets;

namespace VoiceHelper.Assistant.Common;

/// <summary>
/// Where a tenant's agent may connect: only to allow-listed hosts, and to a private, loopback, link-local or otherwise
/// internal address only when that host's entry allows it. The address is checked after DNS resolution, on the address
/// actually connected to, so a public name that resolves to 127.0.0.1 is refused like 127.0.0.1 itself.
/// </summary>
public sealed record TenantNetworkPolicy(IReadOnlyList<AgentAllowedHost> Hosts)
{
    public static readonly TenantNetworkPolicy Empty = new([]);

    /// <summary>Equal for equal allow-lists, whatever their order.</summary>
    public string Fingerprint { get; } = string.Join(",", Hosts.Select(h => (h.AllowPrivate ? "+" : "") + h.Host).Order(StringComparer.Ordinal));

    /// <summary>The entry that covers <paramref name="host"/>: exact, or <c>*.domain</c> for a subdomain.</summary>
    public AgentAllowedHost? EntryFor(string host)
    {
        var name = host.Trim().Trim('[', ']').TrimEnd('.').ToLowerInvariant();
        return Hosts.FirstOrDefault(h => h.Host == name)
            ?? Hosts.FirstOrDefault(h => h.Host.StartsWith("*.", StringComparison.Ordinal) && name.EndsWith(h.Host[1..], StringComparison.Ordinal));
    }

    /// <summary>Null when the URL may be requested; otherwise why not (an observation the agent sees).</summary>
    public string? Refusal(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return $"only http and https URLs may be fetched, not '{url}'";
        }
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "URLs with credentials are refused";
        }
        return EntryFor(url.IdnHost) is null ? $"host '{url.IdnHost}' is not on the tenant's allow-list" : null;
    }

    /// <summary>Null when connecting to <paramref name="address"/> for <paramref name="host"/> is allowed.</summary>
    public string? AddressRefusal(string host, IPAddress address)
    {
        var entry = EntryFor(host);
        if (entry is null)
        {
            return $"host '{host}' is not on the tenant's allow-list";
        }
        return IsInternal(address) && !entry.AllowPrivate
            ? $"host '{host}' resolves to the internal address {address}, which its allow-list entry does not allow"
            : null;
    }

    /// <summary>Loopback, private (RFC 1918, ULA), link-local, carrier-grade NAT, unspecified, multicast or broadcast.</summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        }
        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 0 || b[0] >= 224
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}

using System.Net;
using System.Net.Sockets;

namespace VoiceHelper.Assistant.Common;

/// <summary>
/// HTTP to where a tenant pointed us (the agent's http_get and MCP servers, the tenant's own model endpoints) under its
/// <see cref="TenantNetworkPolicy"/>: every request's
/// host is checked against the allow-list, and every connection's resolved address is checked before the socket opens
/// (no DNS rebinding between check and connect: the checked address is the one connected to). Redirects are never
/// followed automatically; a caller that follows one sends a new request, which is checked again.
/// </summary>
public static class TenantHttp
{
    public const int MaxRedirects = 5;

    public static HttpClient CreateClient(TenantNetworkPolicy policy, TimeSpan timeout)
    {
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            // A proxy would make the connect callback check the proxy's address instead of the target's.
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ConnectCallback = (context, ct) => ConnectAsync(policy, context.DnsEndPoint, ct),
        };
        return new HttpClient(new AllowListHandler(policy) { InnerHandler = sockets }) { Timeout = timeout };
    }

    /// <summary>
    /// Null when <paramref name="url"/> may be reached now: its host is allow-listed and every address it resolves to
    /// passes (the same check as each connection's). A name that does not resolve yet is left to the connection's check.
    /// </summary>
    public static async Task<string?> RefusalAsync(TenantNetworkPolicy policy, Uri url, CancellationToken ct)
    {
        if (policy.Refusal(url) is { } refusal)
        {
            return refusal;
        }
        try
        {
            return (await ResolveAsync(url.IdnHost, ct)).Select(a => policy.AddressRefusal(url.IdnHost, a)).FirstOrDefault(r => r is not null);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return null;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);

    private static async ValueTask<Stream> ConnectAsync(TenantNetworkPolicy policy, DnsEndPoint endpoint, CancellationToken ct)
    {
        var addresses = await ResolveAsync(endpoint.Host, ct);
        if (addresses.Length == 0)
        {
            throw new NetworkRefusedException($"host '{endpoint.Host}' does not resolve");
        }
        // Every address must pass: a name that resolves to one public and one internal address is refused.
        foreach (var address in addresses)
        {
            if (policy.AddressRefusal(endpoint.Host, address) is { } refusal)
            {
                throw new NetworkRefusedException(refusal);
            }
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class AllowListHandler(TenantNetworkPolicy policy) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            policy.Refusal(request.RequestUri!) is { } refusal
                ? throw new NetworkRefusedException(refusal)
                : base.SendAsync(request, cancellationToken);
    }
}

/// <summary>The allow-list refused a request or a connection; the agent sees the message as the tool's observation.</summary>
public sealed class NetworkRefusedException(string message) : HttpRequestException(message);

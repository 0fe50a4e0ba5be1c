using System.Net;
using System.Net.Sockets;

namespace VoiceHelper.Assistant.Agent;

/// <summary>
/// HTTP for the agent's network tools (http_get, MCP servers) under one <see cref="AgentNetworkPolicy"/>: every request's
/// host is checked against the allow-list, and every connection's resolved address is checked before the socket opens
/// (no DNS rebinding between check and connect: the checked address is the one connected to). Redirects are never
/// followed automatically; a caller that follows one sends a new request, which is checked again.
/// </summary>
public static class AgentHttp
{
    public const int MaxRedirects = 5;

    public static HttpClient CreateClient(AgentNetworkPolicy policy, TimeSpan timeout)
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

    private static async ValueTask<Stream> ConnectAsync(AgentNetworkPolicy policy, DnsEndPoint endpoint, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        if (addresses.Length == 0)
        {
            throw new AgentNetworkRefusedException($"host '{endpoint.Host}' does not resolve");
        }
        // Every address must pass: a name that resolves to one public and one internal address is refused.
        foreach (var address in addresses)
        {
            if (policy.AddressRefusal(endpoint.Host, address) is { } refusal)
            {
                throw new AgentNetworkRefusedException(refusal);
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

    private sealed class AllowListHandler(AgentNetworkPolicy policy) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            policy.Refusal(request.RequestUri!) is { } refusal
                ? throw new AgentNetworkRefusedException(refusal)
                : base.SendAsync(request, cancellationToken);
    }
}

/// <summary>The allow-list refused a request or a connection; the agent sees the message as the tool's observation.</summary>
public sealed class AgentNetworkRefusedException(string message) : HttpRequestException(message);

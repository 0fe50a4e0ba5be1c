using System.Net;
using System.Net.Sockets;

namespace VoiceHelper.AppHost.Hosting;

/// <summary>A port a resource listens on: fixed when asked for (the gateway), otherwise a free loopback port.</summary>
public sealed class Endpoint(string scheme, int targetPort, int? fixedPort = null)
{
    private int? _port = fixedPort;

    public string Scheme { get; } = scheme;

    /// <summary>The port inside a container or pod.</summary>
    public int TargetPort { get; } = targetPort;

    public int Port => _port ??= FreePort();

    public string Url => $"{Scheme}://127.0.0.1:{Port}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

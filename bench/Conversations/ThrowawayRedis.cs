using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VoiceHelper.Conversations.Bench;

/// <summary>A redis-server child process on a free loopback port, killed by its PID when disposed.</summary>
internal sealed class ThrowawayRedis : IDisposable
{
    private readonly Process _process;

    private ThrowawayRedis(Process process, int port) => (_process, ConnectionString) = (process, $"127.0.0.1:{port}");

    public string ConnectionString { get; }

    public static ThrowawayRedis Start()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var process = Process.Start(new ProcessStartInfo("redis-server",
            ["--bind", "127.0.0.1", "--port", port.ToString(), "--save", "", "--appendonly", "no"]) { RedirectStandardOutput = true })!;
        process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return new ThrowawayRedis(process, port);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}

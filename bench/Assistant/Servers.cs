using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VoiceHelper.Bench;

namespace VoiceHelper.Assistant.Bench;

/// <summary>
/// PostgreSQL (with pgvector) and Redis: the ones named by VOICEHELPER_TEST_POSTGRES / VOICEHELPER_TEST_REDIS
/// (as scripts/test.sh exports them), or throwaway servers on free loopback ports, stopped on dispose.
/// </summary>
internal sealed class Servers : IDisposable
{
    private ThrowawayPostgres? _postgres;
    private Process? _redis;

    public static Servers Start()
    {
        var servers = new Servers();
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("VOICEHELPER_TEST_POSTGRES")))
        {
            servers._postgres = ThrowawayPostgres.Start();
            Environment.SetEnvironmentVariable("VOICEHELPER_TEST_POSTGRES", servers._postgres.ConnectionString);
        }
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("VOICEHELPER_TEST_REDIS")))
        {
            servers.StartRedis();
        }
        return servers;
    }

    private void StartRedis()
    {
        var port = FreePort();
        _redis = Process.Start(new ProcessStartInfo("redis-server", ["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
        })!;
        _redis.BeginOutputReadLine();
        Environment.SetEnvironmentVariable("VOICEHELPER_TEST_REDIS", $"127.0.0.1:{port}");
    }

    public void Dispose()
    {
        if (_redis is { HasExited: false })
        {
            _redis.Kill();
            _redis.WaitForExit();
        }
        _postgres?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

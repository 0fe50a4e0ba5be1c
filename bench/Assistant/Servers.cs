using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VoiceHelper.Assistant.Bench;

/// <summary>
/// PostgreSQL (with pgvector) and Redis: the ones named by VOICEHELPER_TEST_POSTGRES / VOICEHELPER_TEST_REDIS
/// (as scripts/test.sh exports them), or throwaway servers on free loopback ports, stopped on dispose.
/// </summary>
internal sealed class Servers : IDisposable
{
    private const string PgBin = "/usr/lib/postgresql/15/bin";
    private string? _dir;
    private Process? _redis;

    public static Servers Start()
    {
        var servers = new Servers();
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("VOICEHELPER_TEST_POSTGRES")))
        {
            servers.StartPostgres();
        }
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("VOICEHELPER_TEST_REDIS")))
        {
            servers.StartRedis();
        }
        return servers;
    }

    private void StartPostgres()
    {
        _dir = Directory.CreateTempSubdirectory("assistant-bench.").FullName;
        Run("chmod", "755", _dir);
        var data = Path.Combine(_dir, "pg");
        var sockets = Path.Combine(_dir, "sock");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(sockets);
        if (Environment.UserName == "root")
        {
            Run("chown", "postgres", data, sockets);
        }
        var port = FreePort();
        AsPostgres($"{PgBin}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8");
        AsPostgres($"{PgBin}/pg_ctl", "-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start");
        Environment.SetEnvironmentVariable("VOICEHELPER_TEST_POSTGRES", $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres");
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
        if (_dir is not null)
        {
            AsPostgres($"{PgBin}/pg_ctl", "-D", Path.Combine(_dir, "pg"), "-m", "immediate", "stop");
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static void AsPostgres(string program, params string[] args)
    {
        if (Environment.UserName == "root")
        {
            Run("runuser", ["-u", "postgres", "--", program, .. args]);
        }
        else
        {
            Run(program, args);
        }
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

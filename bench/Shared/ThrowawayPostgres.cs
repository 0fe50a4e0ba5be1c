using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VoiceHelper.Bench;

/// <summary>
/// A PostgreSQL 15 cluster in a temporary directory on a free loopback port, started the way scripts/test.sh
/// does (initdb as the postgres user when run as root) and stopped by pg_ctl when disposed.
/// </summary>
internal sealed class ThrowawayPostgres : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string _dir;

    private ThrowawayPostgres(string dir, int port)
    {
        _dir = dir;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=150";
    }

    public string ConnectionString { get; }

    public static ThrowawayPostgres Start()
    {
        var dir = Directory.CreateTempSubdirectory("voicehelper-bench.").FullName;
        // The postgres user must reach the cluster directory inside it (mkdtemp makes it 0700).
        Run("chmod", "755", dir);
        var data = Path.Combine(dir, "pg");
        var sockets = Path.Combine(dir, "sock");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(sockets);
        if (Environment.UserName == "root")
        {
            Run("chown", "postgres", data, sockets);
        }
        var port = FreePort();
        AsPostgres($"{Bin}/initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8");
        // Durability settings as in scripts/test.sh; the numbers measure our code, not the disk of a shared machine.
        AsPostgres($"{Bin}/pg_ctl", "-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
            "start");
        return new ThrowawayPostgres(dir, port);
    }

    public void Dispose()
    {
        try
        {
            AsPostgres($"{Bin}/pg_ctl", "-D", Path.Combine(_dir, "pg"), "-m", "immediate", "stop");
        }
        finally
        {
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
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
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

using System.Diagnostics;
using Npgsql;

namespace VoiceHelper.AppHost.Hosting;

/// <summary>PostgreSQL 15 with pgvector: a local server from the Debian package, a container when published.</summary>
public sealed class PostgresServerResource : Resource, IResourceWithConnectionString
{
    public const string Image = "docker.io/pgvector/pgvector";
    public const string ImageTag = "0.8.0-pg15";

    /// <summary>
    /// Server settings for every profile. The 128 MB default buffer cache cannot hold the HNSW graph and the keyword
    /// postings of 100,000 chunks (about 1 GB), and search latency then depends on the operating system's cache.
    /// </summary>
    public static readonly IReadOnlyList<string> Settings = ["shared_buffers=1GB", "effective_cache_size=4GB", "maintenance_work_mem=256MB"];

    private readonly string _dataDirectory;

    public PostgresServerResource(string name, ParameterResource password, string dataDirectory) : base(name)
    {
        Password = password;
        _dataDirectory = Path.Combine(dataDirectory, name);
        Tcp = new Endpoint("tcp", 5432);
    }

    public ParameterResource Password { get; }
    public Endpoint Tcp { get; }
    public List<PostgresDatabaseResource> Databases { get; } = [];

    public string LocalConnectionString =>
        $"Host=127.0.0.1;Port={Tcp.Port};Username=postgres;Password={Password.Value}";

    public string ManifestConnectionExpression =>
        $"Host={{{Name}.bindings.tcp.host}};Port={{{Name}.bindings.tcp.port}};Username=postgres;Password={{{Password.Name}.value}}";

    public override int StopSignal => UnixSignals.SIGINT; // "fast" shutdown: rolls back open transactions, no waiting for clients

    public override async Task<LaunchSpec> PrepareAsync(AppModel model, CancellationToken cancellationToken)
    {
        var bin = HostTools.PostgresBin;
        var pgData = Path.Combine(_dataDirectory, "data");
        var sockets = Path.Combine(_dataDirectory, "run");
        Directory.CreateDirectory(_dataDirectory);
        Directory.CreateDirectory(sockets);
        if (!File.Exists(Path.Combine(pgData, "PG_VERSION")))
        {
            Directory.CreateDirectory(pgData);
            var passwordFile = Path.Combine(_dataDirectory, "initdb.pw");
            await File.WriteAllTextAsync(passwordFile, Password.Value, cancellationToken);
            ChownToPostgres(pgData, sockets, passwordFile);
            var (file, args) = HostTools.AsPostgresUser(Path.Combine(bin, "initdb"),
                ["-D", pgData, "-U", "postgres", "--auth-host=scram-sha-256", "--auth-local=trust", $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8"]);
            await RunToCompletion(file, args, cancellationToken);
            File.Delete(passwordFile);
        }
        ChownToPostgres(sockets);
        var (server, serverArgs) = HostTools.AsPostgresUser(Path.Combine(bin, "postgres"),
            ["-D", pgData, "-c", "listen_addresses=127.0.0.1", "-p", Tcp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "-c", $"unix_socket_directories={sockets}", "-c", "max_connections=300", "-c", "logging_collector=off",
             .. Settings.SelectMany(setting => new[] { "-c", setting })]);
        return new LaunchSpec(server, serverArgs, _dataDirectory, new Dictionary<string, string>());
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(LocalConnectionString + ";Timeout=2;Pooling=false");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>Creates each database once, like Aspire's AddDatabase does on a fresh server.</summary>
    public override async Task OnReadyAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(LocalConnectionString + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        foreach (var database in Databases)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
            exists.Parameters.AddWithValue("n", database.DatabaseName);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.DatabaseName}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static void ChownToPostgres(params string[] paths)
    {
        if (!HostTools.IsRoot)
        {
            return;
        }
        foreach (var path in paths)
        {
            using var chown = Process.Start("chown", ["-R", "postgres", path]);
            chown.WaitForExit();
        }
    }

    private static async Task RunToCompletion(string file, IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {output}");
        }
    }
}

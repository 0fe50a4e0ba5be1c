using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using VoiceHelper.AppHost.Local;

namespace VoiceHelper.AppHost.Postgres;

/// <summary>
/// PostgreSQL 15 with pgvector: the Debian server run as the <c>postgres</c> user with its data in the data folder
/// when run here, the pgvector image when published. The choice is made here, not in Program.cs.
/// </summary>
public static class PostgresExtensions
{
    public const string EndpointName = "tcp";
    public const string Image = "pgvector/pgvector";
    public const string ImageTag = "0.8.0-pg15";

    /// <summary>
    /// Server settings in every profile. The 128 MB default buffer cache cannot hold the HNSW graph and the keyword
    /// postings of 100,000 chunks (about 1 GB), and search latency then depends on the operating system's cache.
    /// </summary>
    public static readonly IReadOnlyList<string> Settings = ["shared_buffers=1GB", "effective_cache_size=4GB", "maintenance_work_mem=256MB"];

    // initdb refuses root: as root it runs as the postgres user, on a fresh folder only (data survives runs).
    private const string InitScript = """
        set -eu
        mkdir -p "$PGDATA" "$PGSOCKETS"
        as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
        if [ "$(id -u)" = 0 ]; then chown postgres "$PWD" "$PGDATA" "$PGSOCKETS"; fi
        if [ ! -f "$PGDATA/PG_VERSION" ]; then
          pwfile="$PWD/initdb.pw"
          printf '%s' "$POSTGRES_PASSWORD" > "$pwfile"
          if [ "$(id -u)" = 0 ]; then chown postgres "$pwfile"; fi
          as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth-host=scram-sha-256 --auth-local=trust "--pwfile=$pwfile" -E UTF8 --locale=C.UTF-8
          rm -f "$pwfile"
        fi
        """;

    public static IResourceBuilder<IPostgresServer> AddPostgresWithPgvector(this IDistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddSecret($"{name}-password");
        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder.AddResource(new PostgresServerContainerResource(name, password.Resource))
                .WithImage(Image, ImageTag)
                .WithEndpoint(targetPort: 5432, name: EndpointName, scheme: "tcp")
                .WithEnvironment("POSTGRES_USER", "postgres")
                .WithEnvironment("POSTGRES_PASSWORD", password)
                .WithEnvironment("POSTGRES_HOST_AUTH_METHOD", "scram-sha-256")
                .WithEnvironment("POSTGRES_INITDB_ARGS", "--auth-host=scram-sha-256 --auth-local=scram-sha-256")
                .WithArgs([.. Settings.SelectMany(setting => new[] { "-c", setting })])
                .WithVolume($"voicehelper-{name}-data", "/var/lib/postgresql/data");
        }

        SingleInstance.Claim(builder);
        var folder = Path.Combine(builder.DataDirectory(), name);
        Directory.CreateDirectory(folder);
        var pgData = Path.Combine(folder, "data");
        var sockets = Path.Combine(folder, "run");
        var bin = LocalRun.PostgresBin;

        var init = builder.AddExecutable($"{name}-init", "/bin/sh", folder, "-c", InitScript)
            .WithEnvironment("PGDATA", pgData).WithEnvironment("PGSOCKETS", sockets).WithEnvironment("PGBIN", bin)
            .WithEnvironment("POSTGRES_PASSWORD", password);

        // As root the server runs as the postgres user; setpriv execs, so DCP's signals reach PostgreSQL itself.
        string[] asPostgres = LocalRun.IsRoot ? ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", Path.Combine(bin, "postgres")] : [];
        var server = new PostgresServerResource(name, LocalRun.IsRoot ? "setpriv" : Path.Combine(bin, "postgres"), folder, password.Resource);
        var healthKey = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthKey, async ct => await AcceptsConnections(server, ct));

        var resource = builder.AddResource(server)
            .WithEndpoint(name: EndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                foreach (var arg in asPostgres)
                {
                    context.Args.Add(arg);
                }
                context.Args.Add("-D");
                context.Args.Add(pgData);
                context.Args.Add("-c");
                context.Args.Add("listen_addresses=127.0.0.1");
                context.Args.Add("-p");
                context.Args.Add(server.Tcp.Property(EndpointProperty.TargetPort));
                context.Args.Add("-c");
                context.Args.Add($"unix_socket_directories={sockets}");
                foreach (var setting in Settings.Prepend("max_connections=300"))
                {
                    context.Args.Add("-c");
                    context.Args.Add(setting);
                }
            })
            .WithHealthCheck(healthKey)
            .WaitForCompletion(init)
            .OnResourceReady(CreateDatabases);
        init.WithParentRelationship(resource);
        return resource;
    }

    /// <summary>A database on the server, created once when the server is first ready (like Aspire's own AddDatabase).</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<IPostgresServer> server, string name)
    {
        var database = new PostgresDatabaseResource(name, server.Resource);
        server.Resource.Databases.Add(database);
        var builder = server.ApplicationBuilder.AddResource(database);
        return builder.ApplicationBuilder.ExecutionContext.IsPublishMode
            ? builder
            : builder.WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new("postgres.database", name)],
            });
    }

    internal static ReferenceExpression ConnectionString(EndpointReference tcp, ParameterResource password) =>
        ReferenceExpression.Create(
            $"Host={tcp.Property(EndpointProperty.Host)};Port={tcp.Property(EndpointProperty.Port)};Username=postgres;Password={password}");

    private static async Task<HealthCheckResult> AcceptsConnections(PostgresServerResource server, CancellationToken ct)
    {
        try
        {
            var connectionString = await server.ConnectionStringExpression.GetValueAsync(ct);
            await using var connection = new NpgsqlConnection(connectionString + ";Timeout=5;Pooling=false");
            await connection.OpenAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }

    private static async Task CreateDatabases(IPostgresServer server, ResourceReadyEvent ready, CancellationToken ct)
    {
        var notifications = ready.Services.GetRequiredService<ResourceNotificationService>();
        var connectionString = await server.ConnectionStringExpression.GetValueAsync(ct);
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync(ct);
        foreach (var database in server.Databases)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
            exists.Parameters.AddWithValue("n", database.DatabaseName);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.DatabaseName}\"", connection);
                await create.ExecuteNonQueryAsync(ct);
            }
            await notifications.PublishUpdateAsync(database, state => state with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
            });
        }
    }
}

using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace VoiceHelper.ServiceDefaults.Data;

/// <summary>
/// Applies the service's embedded <c>Migrations/NNNN-name.sql</c> scripts in order at start-up, each once,
/// under an advisory lock so that several replicas starting together do not race. Migrations are plain
/// SQL: EF Core's design-time tooling is not part of the build.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, Assembly assembly, ILogger<Migrator> logger) : IHostedService
{
    private const long LockKey = 0x766F6963_6568_6C70; // "voicehelp"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, "SELECT pg_advisory_lock(@k)", cancellationToken, ("k", LockKey));
        var applied = false;
        try
        {
            await Execute(connection,
                "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken);
            foreach (var script in scripts)
            {
                var id = script[(script.IndexOf(".Migrations.", StringComparison.Ordinal) + 12)..];
                await using var check = new NpgsqlCommand("SELECT 1 FROM schema_migrations WHERE id = @id", connection);
                check.Parameters.AddWithValue("id", id);
                if (await check.ExecuteScalarAsync(cancellationToken) is not null)
                {
                    continue;
                }
                await using var stream = assembly.GetManifestResourceStream(script)!;
                var sql = await new StreamReader(stream).ReadToEndAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var apply = new NpgsqlCommand(sql, connection, transaction))
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                }
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (id) VALUES (@id)", connection, transaction))
                {
                    record.Parameters.AddWithValue("id", id);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Migration}", id);
                applied = true;
            }
        }
        finally
        {
            await Execute(connection, "SELECT pg_advisory_unlock(@k)", CancellationToken.None, ("k", LockKey));
        }
        if (applied)
        {
            // The pool learnt the database's types before a migration could create one (pgvector's vector).
            await dataSource.ReloadTypesAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}

using Npgsql;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>
/// Creates the bus tables idempotently, once per process, under an advisory lock so that replicas starting
/// together do not race on the catalog. A failure is retried by the next caller instead of being cached.
/// </summary>
internal sealed class SchemaInstaller(NpgsqlDataSource dataSource, string sql, long lockKey)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                return;
            }
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@k)", connection, transaction))
            {
                command.Parameters.AddWithValue("k", lockKey);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var command = new NpgsqlCommand(sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}

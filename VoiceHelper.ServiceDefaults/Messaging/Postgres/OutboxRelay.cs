using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>
/// Moves committed outbox rows to the log, oldest first, woken by the outbox trigger's notification. The
/// append commits before the deletion of the rows does: a crash in between appends them again (at-least-once),
/// and consumers' inboxes drop the duplicate. One relay per database at a time (an advisory lock), so that
/// events of one key reach the log in the order they were committed.
/// </summary>
internal sealed class OutboxRelay(
    OutboxDataSource database,
    OutboxSchema schema,
    LogAppender appender,
    IOptions<EventBusOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private const long RelayLockKey = 0x6F75_7462_6F78_5F72; // "outbox_r"
    private readonly WakeSignal _signal = new();

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The table must exist before the service accepts a request that enqueues into it.
        await schema.EnsureAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var listener = NotificationListener.RunAsync(database.DataSource, OutboxSchema.Channel, _ => _signal.Set(), logger, stoppingToken);
        var lastCleanup = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var moved = await RelayBatchAsync(stoppingToken);
                if (DateTime.UtcNow - lastCleanup > options.Value.RetentionInterval)
                {
                    await CleanInboxAsync(stoppingToken);
                    lastCleanup = DateTime.UtcNow;
                }
                if (moved < options.Value.BatchSize)
                {
                    await _signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox relay failed; retrying");
                await Delays.PauseAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        await listener;
    }

    internal async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One round trip: the uncorrelated sub-select takes the relay lock once (an init plan), and rows are taken only
        // when it is held. Deleted up front, in the transaction: if the append fails, the rollback brings them back.
        // A row the previous lock holder deleted after this statement's snapshot is skipped by the DELETE itself.
        var rows = new List<(long Seq, EventEnvelope Envelope)>();
        await using (var take = new NpgsqlCommand("""
            DELETE FROM outbox_messages WHERE seq IN (
                SELECT seq FROM outbox_messages WHERE (SELECT pg_try_advisory_xact_lock(@k)) ORDER BY seq LIMIT @limit)
            RETURNING seq, event_id, topic, key, type, tenant_id, occurred_at, traceparent, schema_version, payload::text
            """, connection, transaction))
        {
            take.Parameters.AddWithValue("k", RelayLockKey);
            take.Parameters.AddWithValue("limit", options.Value.BatchSize);
            await using var reader = await take.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt64(0), new EventEnvelope(
                    reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetGuid(5),
                    reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetInt32(8),
                    reader.GetString(9))));
            }
        }
        if (rows.Count == 0)
        {
            return 0;
        }
        // RETURNING has no defined order; the log must receive them in commit (sequence) order.
        var envelopes = rows.OrderBy(r => r.Seq).Select(r => r.Envelope).ToList();
        await appender.AppendAsync(envelopes, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return envelopes.Count;
    }

    private async Task CleanInboxAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("DELETE FROM inbox_messages WHERE processed_at < now() - @retention");
        command.Parameters.AddWithValue("retention", options.Value.Retention);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

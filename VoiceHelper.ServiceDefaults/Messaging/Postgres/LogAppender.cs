using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>
/// Appends envelopes to their topic partitions in one round trip per batch. Offsets are dense and assigned
/// under the partition row's lock, so an append that has not committed holds back the next one: a consumer
/// that reads offset n+1 can never later discover an offset n it skipped (the trap of sequences, whose gaps
/// and out-of-order commits would lose events). Partition rows are locked in a fixed order against deadlocks.
/// </summary>
internal sealed class LogAppender(BusDataSource bus, BusSchema schema, IOptions<EventBusOptions> options)
{
    public const string Channel = "bus_events";

    private const string LockSql = """
        SELECT 1 FROM bus_partitions
        WHERE (topic, partition) IN (SELECT * FROM unnest(@lock_topics::text[], @lock_partitions::int[]))
        ORDER BY topic, partition
        FOR UPDATE
        """;

    private const string AppendSql = """
        WITH input AS (
            SELECT i.*, row_number() OVER (PARTITION BY i.topic, i.partition ORDER BY i.ord) - 1 AS idx
            FROM unnest(@ids::uuid[], @topics::text[], @partitions::int[], @keys::text[], @types::text[], @tenants::uuid[],
                        @occurred::timestamptz[], @traces::text[], @versions::int[], @payloads::text[], @targets::text[])
                 WITH ORDINALITY AS i(event_id, topic, partition, key, type, tenant_id, occurred_at, traceparent, schema_version, payload, target_group, ord)
        ), counts AS (
            SELECT topic, partition, count(*) AS n FROM input GROUP BY topic, partition
        ), bumped AS (
            UPDATE bus_partitions p SET next_offset = p.next_offset + c.n
            FROM counts c WHERE p.topic = c.topic AND p.partition = c.partition
            RETURNING p.topic, p.partition, p.next_offset - c.n AS base
        )
        INSERT INTO bus_events (topic, partition, event_offset, event_id, key, type, tenant_id, occurred_at, traceparent, schema_version, payload, target_group)
        SELECT i.topic, i.partition, b.base + i.idx, i.event_id, i.key, i.type, i.tenant_id, i.occurred_at, i.traceparent, i.schema_version, i.payload::jsonb, i.target_group
        FROM input i JOIN bumped b ON b.topic = i.topic AND b.partition = i.partition
        """;

    private readonly ConcurrentDictionary<string, int> _partitionCounts = new(StringComparer.Ordinal);

    public async Task AppendAsync(IReadOnlyList<EventEnvelope> envelopes, CancellationToken cancellationToken)
    {
        if (envelopes.Count == 0)
        {
            return;
        }
        await using var connection = await bus.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await AppendAsync(envelopes, connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Appends inside the caller's bus transaction (dead-letter replay marks the row in the same one).</summary>
    public async Task AppendAsync(IReadOnlyList<EventEnvelope> envelopes, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        var partitions = new int[envelopes.Count];
        for (var i = 0; i < envelopes.Count; i++)
        {
            var count = await PartitionCountAsync(envelopes[i].Topic, cancellationToken);
            partitions[i] = Partitioner.PartitionFor(envelopes[i].Key, count);
        }
        var locks = envelopes.Select((e, i) => (e.Topic, Partition: partitions[i])).Distinct().ToArray();
        var topics = envelopes.Select(e => e.Topic).Distinct(StringComparer.Ordinal).ToArray();

        await using var batch = new NpgsqlBatch(connection, transaction);
        var lockCommand = new NpgsqlBatchCommand(LockSql);
        lockCommand.Parameters.Add(new NpgsqlParameter("lock_topics", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = locks.Select(l => l.Topic).ToArray() });
        lockCommand.Parameters.Add(new NpgsqlParameter("lock_partitions", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = locks.Select(l => l.Partition).ToArray() });
        batch.BatchCommands.Add(lockCommand);

        var append = new NpgsqlBatchCommand(AppendSql);
        append.Parameters.Add(Array("ids", NpgsqlDbType.Uuid, envelopes.Select(e => e.Id).ToArray()));
        append.Parameters.Add(Array("topics", NpgsqlDbType.Text, envelopes.Select(e => e.Topic).ToArray()));
        append.Parameters.Add(Array("partitions", NpgsqlDbType.Integer, partitions));
        append.Parameters.Add(Array("keys", NpgsqlDbType.Text, envelopes.Select(e => e.Key).ToArray()));
        append.Parameters.Add(Array("types", NpgsqlDbType.Text, envelopes.Select(e => e.Type).ToArray()));
        append.Parameters.Add(Array("tenants", NpgsqlDbType.Uuid, envelopes.Select(e => e.TenantId).ToArray()));
        append.Parameters.Add(Array("occurred", NpgsqlDbType.TimestampTz, envelopes.Select(e => e.OccurredAt.ToUniversalTime()).ToArray()));
        append.Parameters.Add(Array("traces", NpgsqlDbType.Text, envelopes.Select(e => e.TraceParent).ToArray()));
        append.Parameters.Add(Array("versions", NpgsqlDbType.Integer, envelopes.Select(e => e.SchemaVersion).ToArray()));
        append.Parameters.Add(Array("payloads", NpgsqlDbType.Text, envelopes.Select(e => e.Payload).ToArray()));
        append.Parameters.Add(Array("targets", NpgsqlDbType.Text, envelopes.Select(e => e.TargetGroup).ToArray()));
        batch.BatchCommands.Add(append);

        // NOTIFY is delivered at commit, so a consumer never wakes for an append that rolled back.
        var notify = new NpgsqlBatchCommand($"SELECT pg_notify('{Channel}', t) FROM unnest(@notify_topics::text[]) t");
        notify.Parameters.Add(Array("notify_topics", NpgsqlDbType.Text, topics));
        batch.BatchCommands.Add(notify);

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Creates the topic with the configured partition count on first use; an existing topic keeps its count.</summary>
    public async ValueTask<int> PartitionCountAsync(string topic, CancellationToken cancellationToken)
    {
        if (_partitionCounts.TryGetValue(topic, out var known))
        {
            return known;
        }
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await bus.OpenConnectionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand("""
            WITH t AS (
                INSERT INTO bus_topics (topic, partitions) VALUES (@topic, @partitions)
                ON CONFLICT (topic) DO NOTHING RETURNING topic, partitions)
            INSERT INTO bus_partitions (topic, partition)
            SELECT t.topic, p FROM t, generate_series(0, t.partitions - 1) p
            """, connection))
        {
            create.Parameters.AddWithValue("topic", topic);
            create.Parameters.AddWithValue("partitions", options.Value.Partitions);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var read = new NpgsqlCommand("SELECT partitions FROM bus_topics WHERE topic = @topic", connection);
        read.Parameters.AddWithValue("topic", topic);
        var count = (int)(await read.ExecuteScalarAsync(cancellationToken))!;
        _partitionCounts[topic] = count;
        return count;
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, T[] values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values };
}

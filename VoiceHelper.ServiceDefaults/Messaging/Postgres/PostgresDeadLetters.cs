using System.Text.Json;
using Npgsql;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

internal sealed class PostgresDeadLetters(BusDataSource bus, BusSchema schema, LogAppender appender) : IDeadLetters
{
    private const string Columns = """
        id, group_name, topic, partition, event_offset, event_id, key, type, tenant_id, occurred_at, schema_version,
        payload::text, error, attempts, dead_at, replayed_at, traceparent
        """;

    public async Task<DeadLetterPage> ListAsync(Guid tenantId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var command = bus.DataSource.CreateCommand($"""
            SELECT {Columns} FROM bus_dead_letters WHERE tenant_id = @tenant
            ORDER BY id DESC LIMIT @limit OFFSET @skip
            """);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("limit", pageSize + 1);
        command.Parameters.AddWithValue("skip", (long)(page - 1) * pageSize);
        var items = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader).Letter);
        }
        var hasNext = items.Count > pageSize;
        return new DeadLetterPage(hasNext ? items[..pageSize] : items, page, pageSize, hasNext);
    }

    public async Task<ReplayResult> ReplayAsync(Guid tenantId, long id, CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var connection = await bus.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        (DeadLetter Letter, string? TraceParent) found;
        await using (var select = new NpgsqlCommand($"SELECT {Columns} FROM bus_dead_letters WHERE id = @id AND tenant_id = @tenant FOR UPDATE",
                         connection, transaction))
        {
            select.Parameters.AddWithValue("id", id);
            select.Parameters.AddWithValue("tenant", tenantId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return ReplayResult.NotFound;
            }
            found = Read(reader);
        }
        var letter = found.Letter;
        if (letter.ReplayedAt is not null)
        {
            return ReplayResult.AlreadyReplayed;
        }
        // Same event id: groups that handled it find it in their inbox; the target group never marked it.
        var envelope = new EventEnvelope(letter.EventId, letter.Topic, letter.Key, letter.Type, letter.TenantId, letter.OccurredAt,
            found.TraceParent, letter.SchemaVersion, letter.Payload.GetRawText(), letter.Group);
        await appender.AppendAsync([envelope], connection, transaction, cancellationToken);
        await using (var mark = new NpgsqlCommand("UPDATE bus_dead_letters SET replayed_at = now() WHERE id = @id", connection, transaction))
        {
            mark.Parameters.AddWithValue("id", id);
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return ReplayResult.Replayed;
    }

    private static (DeadLetter Letter, string? TraceParent) Read(NpgsqlDataReader reader)
    {
        using var payload = JsonDocument.Parse(reader.GetString(11));
        var letter = new DeadLetter(
            reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetGuid(5),
            reader.GetString(6), reader.GetString(7), reader.GetGuid(8), reader.GetFieldValue<DateTimeOffset>(9), reader.GetInt32(10),
            payload.RootElement.Clone(), reader.GetString(12), reader.GetInt32(13), reader.GetFieldValue<DateTimeOffset>(14),
            reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15));
        return (letter, reader.IsDBNull(16) ? null : reader.GetString(16));
    }
}

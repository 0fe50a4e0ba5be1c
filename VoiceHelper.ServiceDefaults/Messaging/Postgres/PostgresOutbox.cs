using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using VoiceHelper.Contracts.Events;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>Writes envelopes into the service's <c>outbox_messages</c> table on the caller's connection and transaction.</summary>
internal sealed class PostgresOutbox(TimeProvider clock) : IOutbox
{
    private const string InsertSql = """
        INSERT INTO outbox_messages (event_id, topic, key, type, tenant_id, occurred_at, traceparent, schema_version, payload)
        SELECT i.event_id, i.topic, i.key, i.type, i.tenant_id, i.occurred_at, i.traceparent, i.schema_version, i.payload::jsonb
        FROM unnest(@ids::uuid[], @topics::text[], @keys::text[], @types::text[], @tenants::uuid[], @occurred::timestamptz[],
                    @traces::text[], @versions::int[], @payloads::text[])
             AS i(event_id, topic, key, type, tenant_id, occurred_at, traceparent, schema_version, payload)
        """;

    public async Task EnqueueAsync<TEvent>(DbConnection connection, DbTransaction transaction, IReadOnlyList<TEvent> events,
        Func<TEvent, string>? key = null, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent
    {
        if (events.Count == 0)
        {
            return;
        }
        if (connection is not NpgsqlConnection npgsql || transaction is not NpgsqlTransaction npgsqlTransaction)
        {
            throw new ArgumentException("The outbox needs the connection and transaction of the service's PostgreSQL database.", nameof(connection));
        }
        var envelopes = events.Select(e => EnvelopeFactory.Create(e, key?.Invoke(e), clock)).ToArray();
        await using var command = new NpgsqlCommand(InsertSql, npgsql, npgsqlTransaction);
        command.Parameters.Add(Array("ids", NpgsqlDbType.Uuid, envelopes.Select(e => e.Id).ToArray()));
        command.Parameters.Add(Array("topics", NpgsqlDbType.Text, envelopes.Select(e => e.Topic).ToArray()));
        command.Parameters.Add(Array("keys", NpgsqlDbType.Text, envelopes.Select(e => e.Key).ToArray()));
        command.Parameters.Add(Array("types", NpgsqlDbType.Text, envelopes.Select(e => e.Type).ToArray()));
        command.Parameters.Add(Array("tenants", NpgsqlDbType.Uuid, envelopes.Select(e => e.TenantId).ToArray()));
        command.Parameters.Add(Array("occurred", NpgsqlDbType.TimestampTz, envelopes.Select(e => e.OccurredAt.ToUniversalTime()).ToArray()));
        command.Parameters.Add(Array("traces", NpgsqlDbType.Text, envelopes.Select(e => e.TraceParent).ToArray()));
        command.Parameters.Add(Array("versions", NpgsqlDbType.Integer, envelopes.Select(e => e.SchemaVersion).ToArray()));
        command.Parameters.Add(Array("payloads", NpgsqlDbType.Text, envelopes.Select(e => e.Payload).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task EnqueueAsync<TEvent>(DbContext context, IReadOnlyList<TEvent> events,
        Func<TEvent, string>? key = null, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent
    {
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException(
                "Begin a transaction on the DbContext before enqueuing events, so they commit or roll back with SaveChanges.");
        return EnqueueAsync(context.Database.GetDbConnection(), transaction, events, key, cancellationToken);
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, T[] values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values };
}

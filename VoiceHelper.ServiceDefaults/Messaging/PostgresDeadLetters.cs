using System.Text;
using System.Text.Json;
using Npgsql;
using VoiceHelper.ServiceDefaults.Http;
using Wolverine.Runtime.Serialization;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>
/// Reads and replays Wolverine's dead letters of one service (<c>wolverine_dead_letters</c> in its store schema).
/// The tenant is the event's own <c>tenant_id</c>, so a letter of another tenant does not exist for the caller.
/// <c>body</c> is Wolverine's binary envelope (headers, then the payload bytes), not JSON: the tenant is found as the
/// payload's snake_case <c>"tenant_id":"..."</c> inside it (events are flat records, so no nested object can carry
/// another tenant's id), and the payload is read back with Wolverine's own envelope reader.
/// Replaying sets Wolverine's <c>replayable</c> flag: its durability agent moves the envelope back into the inbox,
/// which runs it once through the same handler and error policy.
/// </summary>
internal sealed class PostgresDeadLetters(string connectionString, string schema) : IDeadLetters, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);
    private readonly string _table = $"\"{schema}\".wolverine_dead_letters";

    private const string OfTenant = "position(@tenant in body) > 0";

    public async Task<PageResponse<DeadLetter>> ListAsync(Guid tenantId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"""
            SELECT id, message_type, body, exception_type, exception_message, sent_at, replayable
            FROM {_table}
            WHERE {OfTenant}
            ORDER BY sent_at DESC NULLS LAST, id
            LIMIT @limit OFFSET @offset
            """);
        command.Parameters.AddWithValue("tenant", TenantNeedle(tenantId));
        command.Parameters.AddWithValue("limit", pageSize + 1);
        command.Parameters.AddWithValue("offset", (page - 1) * pageSize);
        var items = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var messageType = reader.GetString(1);
            using var payload = JsonDocument.Parse(EnvelopeSerializer.Deserialize(reader.GetFieldValue<byte[]>(2)).Data);
            items.Add(new DeadLetter(
                reader.GetGuid(0),
                TopicOf(messageType),
                messageType,
                tenantId,
                payload.RootElement.Clone(),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetBoolean(6)));
        }
        return PageResponse<DeadLetter>.FromOverfetched(items, page, pageSize);
    }

    public async Task<ReplayResult> ReplayAsync(Guid tenantId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"""
            WITH letter AS (SELECT id, replayable FROM {_table} WHERE id = @id AND {OfTenant}),
                 marked AS (UPDATE {_table} d SET replayable = true FROM letter WHERE d.id = letter.id AND NOT letter.replayable RETURNING d.id)
            SELECT (SELECT count(*) FROM letter), (SELECT count(*) FROM marked)
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("tenant", TenantNeedle(tenantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt64(0) == 0 ? ReplayResult.NotFound
            : reader.GetInt64(1) == 1 ? ReplayResult.Replayed
            : ReplayResult.AlreadyRequested;
    }

    public async Task<int> ReplayAllAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"UPDATE {_table} SET replayable = true WHERE NOT replayable AND {OfTenant}");
        command.Parameters.AddWithValue("tenant", TenantNeedle(tenantId));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose() => _dataSource.Dispose();

    /// <summary>The bytes of <c>"tenant_id":"&lt;id&gt;"</c> as System.Text.Json writes them in the payload (<see cref="EventJson"/>).</summary>
    private static byte[] TenantNeedle(Guid tenantId) => Encoding.UTF8.GetBytes($"\"tenant_id\":\"{tenantId}\"");

    private static string TopicOf(string messageType) =>
        EventTopic.AllEventTypes.FirstOrDefault(t => t.FullName == messageType || t.Name == messageType) is { } type
            ? EventTopic.Of(type)
            : messageType;
}

using Npgsql;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>
/// Group membership and partition ownership of one consumer instance. Ownership is a lease in the offsets
/// row: renewed by heartbeats, taken over by another member once it expires (a killed instance), and handed
/// back when a member holds more than its fair share (a new instance joined). Commits are fenced by the lease.
/// </summary>
internal sealed class PartitionLeases(BusDataSource bus, string group, Guid member, string[] topics, TimeSpan lease)
{
    public Guid Member => member;

    /// <summary>Creates this group's offset rows for every partition of its topics (new groups start at the oldest event).</summary>
    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        await using var command = bus.DataSource.CreateCommand("""
            INSERT INTO bus_consumer_offsets (group_name, topic, partition)
            SELECT @group, topic, partition FROM bus_partitions WHERE topic = ANY(@topics)
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue("group", group);
        command.Parameters.AddWithValue("topics", topics);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records that this member is alive and extends the leases it holds.</summary>
    public async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        await using var batch = bus.DataSource.CreateBatch();
        batch.BatchCommands.Add(Command("""
            INSERT INTO bus_group_members (group_name, member_id) VALUES (@group, @member)
            ON CONFLICT (group_name, member_id) DO UPDATE SET heartbeat_at = now()
            """));
        batch.BatchCommands.Add(Command("""
            UPDATE bus_consumer_offsets SET lease_expires_at = now() + @lease
            WHERE group_name = @group AND lease_owner = @member
            """));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Moves this member toward its fair share: claims free or expired partitions, or releases surplus ones,
    /// never one of <paramref name="busy"/> (being handled right now, keyed <c>topic/partition</c>).
    /// </summary>
    public async Task RebalanceAsync(string[] busy, CancellationToken cancellationToken)
    {
        await HeartbeatAsync(cancellationToken);
        await using var connection = await bus.OpenConnectionAsync(cancellationToken);
        int live, total, owned;
        await using (var count = new NpgsqlCommand("""
            DELETE FROM bus_group_members WHERE group_name = @group AND heartbeat_at < now() - @lease;
            SELECT (SELECT count(*)::int FROM bus_group_members WHERE group_name = @group),
                   count(*)::int,
                   (count(*) FILTER (WHERE lease_owner = @member AND lease_expires_at > now()))::int
            FROM bus_consumer_offsets WHERE group_name = @group AND topic = ANY(@topics)
            """, connection))
        {
            AddParameters(count.Parameters);
            await using var reader = await count.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (live, total, owned) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        }
        var adjustment = PartitionAssignment.Adjustment(owned, total, Math.Max(live, 1));
        if (adjustment == 0)
        {
            return;
        }
        await using var change = new NpgsqlCommand(adjustment > 0
            ? """
              UPDATE bus_consumer_offsets SET lease_owner = @member, lease_expires_at = now() + @lease, updated_at = now()
              WHERE (group_name, topic, partition) IN (
                  SELECT group_name, topic, partition FROM bus_consumer_offsets
                  WHERE group_name = @group AND topic = ANY(@topics)
                    AND (lease_owner IS NULL OR lease_expires_at < now())
                  ORDER BY partition, topic LIMIT @n FOR UPDATE SKIP LOCKED)
              """
            : """
              UPDATE bus_consumer_offsets SET lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
              WHERE (group_name, topic, partition) IN (
                  SELECT group_name, topic, partition FROM bus_consumer_offsets
                  WHERE group_name = @group AND topic = ANY(@topics) AND lease_owner = @member
                    AND NOT ((topic || '/' || partition) = ANY(@busy))
                  ORDER BY partition DESC, topic LIMIT @n)
              """, connection);
        AddParameters(change.Parameters);
        change.Parameters.AddWithValue("n", Math.Abs(adjustment));
        change.Parameters.AddWithValue("busy", busy);
        await change.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Gives every partition back and leaves the group, so a graceful stop hands over at once.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        await using var batch = bus.DataSource.CreateBatch();
        batch.BatchCommands.Add(Command("""
            UPDATE bus_consumer_offsets SET lease_owner = NULL, lease_expires_at = NULL
            WHERE group_name = @group AND lease_owner = @member
            """));
        batch.BatchCommands.Add(Command("DELETE FROM bus_group_members WHERE group_name = @group AND member_id = @member"));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlBatchCommand Command(string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddParameters(command.Parameters);
        return command;
    }

    private void AddParameters(NpgsqlParameterCollection parameters)
    {
        parameters.AddWithValue("group", group);
        parameters.AddWithValue("member", member);
        parameters.AddWithValue("topics", topics);
        parameters.AddWithValue("lease", lease);
    }
}

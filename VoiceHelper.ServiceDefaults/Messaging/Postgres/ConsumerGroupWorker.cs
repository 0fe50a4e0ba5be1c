using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>
/// One instance of a consumer group: reads the partitions it leases, hands each event to its handler in
/// offset order, and commits the group's offset (with the inbox entries and any dead letters) in one
/// transaction per partition batch. It runs on the thread pool as a hosted service, never on request
/// threads, and it does not crash: every failure is logged and the loop continues.
/// </summary>
internal sealed class ConsumerGroupWorker : BackgroundService
{
    private const string FetchSql = """
        SELECT e.topic, e.partition, e.event_offset, e.event_id, e.key, e.type, e.tenant_id, e.occurred_at,
               e.traceparent, e.schema_version, e.payload::text, e.target_group,
               EXISTS (SELECT 1 FROM bus_inbox i WHERE i.group_name = @group AND i.event_id = e.event_id) AS processed
        FROM (
            SELECT o.topic, o.partition, o.committed_offset FROM bus_consumer_offsets o
            WHERE o.group_name = @group AND o.lease_owner = @member AND o.lease_expires_at > now()
              AND NOT ((o.topic || '/' || o.partition) = ANY(@busy))
              AND EXISTS (SELECT 1 FROM bus_events w WHERE w.topic = o.topic AND w.partition = o.partition AND w.event_offset >= o.committed_offset)
            ORDER BY o.updated_at LIMIT @partitions) o
        CROSS JOIN LATERAL (
            SELECT * FROM bus_events e
            WHERE e.topic = o.topic AND e.partition = o.partition AND e.event_offset >= o.committed_offset
            ORDER BY e.event_offset LIMIT @batch) e
        ORDER BY e.topic, e.partition, e.event_offset
        """;

    private readonly string _group;
    private readonly string[] _topics;
    private readonly BusDataSource _bus;
    private readonly BusSchema _schema;
    private readonly LogAppender _appender;
    private readonly BusNotifications _notifications;
    private readonly EventBusOptions _options;
    private readonly ILogger _logger;
    private readonly PartitionLeases _leases;
    private readonly EventDelivery _delivery;

    public ConsumerGroupWorker(string group, IServiceProvider services)
    {
        _group = group;
        var handlers = services.GetServices<HandlerRegistration>().Where(h => h.Group == group).ToDictionary(h => (h.Topic, h.Type));
        _topics = handlers.Keys.Select(k => k.Topic).Distinct(StringComparer.Ordinal).ToArray();
        _bus = services.GetRequiredService<BusDataSource>();
        _schema = services.GetRequiredService<BusSchema>();
        _appender = services.GetRequiredService<LogAppender>();
        _notifications = services.GetRequiredService<BusNotifications>();
        _options = services.GetRequiredService<IOptions<EventBusOptions>>().Value;
        _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger($"{typeof(ConsumerGroupWorker).FullName}[{group}]");
        _leases = new PartitionLeases(_bus, group, Guid.NewGuid(), _topics, _options.LeaseDuration);
        _delivery = new EventDelivery(group, handlers, services.GetRequiredService<IServiceScopeFactory>(), _options, _logger);
    }

    private TimeSpan RebalanceInterval => TimeSpan.FromTicks(Math.Min(_options.LeaseDuration.Ticks / 3, TimeSpan.FromSeconds(1).Ticks));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave StartAsync at once: the host (and its web server) must not wait for the bus.
        await Task.Yield();
        var signal = _notifications.Subscribe(_topics.ToHashSet(StringComparer.Ordinal));
        try
        {
            await JoinAsync(stoppingToken);
            using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var heartbeat = HeartbeatLoopAsync(heartbeatStop.Token);
            await ConsumeLoopAsync(signal, stoppingToken);
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }
        finally
        {
            _notifications.Unsubscribe(signal);
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _leases.LeaveAsync(timeout.Token);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Could not hand back the partitions of group {Group}; their leases will expire", _group);
            }
        }
    }

    private async Task JoinAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _schema.EnsureAsync(stoppingToken);
                foreach (var topic in _topics)
                {
                    await _appender.PartitionCountAsync(topic, stoppingToken);
                }
                await _leases.JoinAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                _logger.LogError(ex, "Consumer group {Group} could not join the bus; retrying", _group);
                await Delays.PauseAsync(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    /// <summary>
    /// Each owned partition with work gets its own task, up to MaxConcurrency: a partition waiting out a back-off
    /// holds back only its own keys, never the other partitions. A partition is never in two tasks at once
    /// (that is what keeps its order), and is never handed back to the group while its task runs.
    /// </summary>
    private async Task ConsumeLoopAsync(WakeSignal signal, CancellationToken stoppingToken)
    {
        var lastRebalance = DateTime.MinValue;
        var inFlight = new Dictionary<string, Task>(StringComparer.Ordinal);
        Task? wake = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var (key, task) in inFlight.Where(p => p.Value.IsCompleted).ToList())
                {
                    inFlight.Remove(key);
                    if (task.Exception is { } failure)
                    {
                        _logger.LogError(failure.InnerException, "Consumer group {Group} failed on partition {Partition}; it is read again", _group, key);
                    }
                }
                try
                {
                    if (DateTime.UtcNow - lastRebalance >= RebalanceInterval)
                    {
                        await _leases.RebalanceAsync(inFlight.Keys.ToArray(), stoppingToken);
                        lastRebalance = DateTime.UtcNow;
                    }
                    if (inFlight.Count < _options.MaxConcurrency)
                    {
                        foreach (var batch in await FetchAsync(inFlight.Keys.ToArray(), _options.MaxConcurrency - inFlight.Count, stoppingToken))
                        {
                            // On the thread pool: synchronous handlers must not run one partition after another on this loop.
                            inFlight[batch.Key] = Task.Run(() => ProcessPartitionAsync(batch.Events, stoppingToken), CancellationToken.None);
                        }
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "Consumer group {Group} failed to poll; retrying", _group);
                    await Delays.PauseAsync(TimeSpan.FromSeconds(1), stoppingToken);
                    continue;
                }
                // Sleep until an append is notified, a partition task ends (its partition may have more), or a rebalance is due.
                if (wake is null)
                {
                    var untilRebalance = RebalanceInterval - (DateTime.UtcNow - lastRebalance);
                    var timeout = untilRebalance < _options.PollInterval ? untilRebalance : _options.PollInterval;
                    wake = signal.WaitAsync(timeout > TimeSpan.Zero ? timeout : TimeSpan.FromMilliseconds(1), stoppingToken);
                }
                await Task.WhenAny(inFlight.Values.Append(wake));
                if (wake.IsCompleted)
                {
                    wake = null;
                }
            }
        }
        finally
        {
            try
            {
                await Task.WhenAll(inFlight.Values);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "A partition of group {Group} failed while stopping", _group);
            }
        }
    }

    /// <summary>Keeps the leases alive while a slow handler or a back-off holds the consume loop.</summary>
    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Delays.PauseAsync(_options.LeaseDuration / 3, cancellationToken);
            try
            {
                await _leases.HeartbeatAsync(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "Heartbeat of group {Group} failed", _group);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Reads the next events of up to <paramref name="partitions"/> owned partitions that are not busy and have work.</summary>
    private async Task<List<(string Key, List<StoredEvent> Events)>> FetchAsync(string[] busy, int partitions, CancellationToken stoppingToken)
    {
        var events = new List<StoredEvent>();
        await using (var fetch = _bus.DataSource.CreateCommand(FetchSql))
        {
            fetch.Parameters.AddWithValue("group", _group);
            fetch.Parameters.AddWithValue("member", _leases.Member);
            fetch.Parameters.AddWithValue("busy", busy);
            fetch.Parameters.AddWithValue("partitions", partitions);
            fetch.Parameters.AddWithValue("batch", _options.BatchSize);
            await using var reader = await fetch.ExecuteReaderAsync(stoppingToken);
            while (await reader.ReadAsync(stoppingToken))
            {
                var envelope = new EventEnvelope(
                    reader.GetGuid(3), reader.GetString(0), reader.GetString(4), reader.GetString(5), reader.GetGuid(6),
                    reader.GetFieldValue<DateTimeOffset>(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetInt32(9),
                    reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11));
                events.Add(new StoredEvent(envelope, reader.GetInt32(1), reader.GetInt64(2), reader.GetBoolean(12)));
            }
        }
        return events.GroupBy(e => PartitionKey(e.Envelope.Topic, e.Partition)).Select(g => (g.Key, g.ToList())).ToList();
    }

    /// <summary>The same text the SQL builds with <c>topic || '/' || partition</c>.</summary>
    private static string PartitionKey(string topic, int partition) =>
        $"{topic}/{partition.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private async Task ProcessPartitionAsync(List<StoredEvent> batch, CancellationToken stoppingToken)
    {
        var handled = new List<Guid>();
        var dead = new List<(StoredEvent Event, DeliveryOutcome Outcome)>();
        long? next = null;
        foreach (var stored in batch)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            var envelope = stored.Envelope;
            DeliveryOutcome outcome;
            if ((envelope.TargetGroup is { } target && target != _group) || stored.AlreadyProcessed || handled.Contains(envelope.Id))
            {
                outcome = DeliveryOutcome.Skipped;
            }
            else
            {
                try
                {
                    outcome = await _delivery.DeliverAsync(stored, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
            }
            if (outcome.Result == DeliveryResult.Handled)
            {
                handled.Add(envelope.Id);
            }
            else if (outcome.Result == DeliveryResult.DeadLettered)
            {
                _logger.LogError("Event {EventId} on {Topic}[{Partition}]@{Offset} dead-lettered by group {Group}: {Error}",
                    envelope.Id, envelope.Topic, stored.Partition, stored.Offset, _group, outcome.Error);
                dead.Add((stored, outcome));
            }
            next = stored.Offset + 1;
        }
        if (next is { } committed)
        {
            // Committed even while stopping (what was handled must not be handled again), so not on the stopping token.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await CommitAsync(batch[0].Envelope.Topic, batch[0].Partition, committed, handled, dead, timeout.Token);
        }
    }

    private async Task CommitAsync(string topic, int partition, long next, List<Guid> handled,
        List<(StoredEvent Event, DeliveryOutcome Outcome)> dead, CancellationToken cancellationToken)
    {
        await using var connection = await _bus.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var offset = new NpgsqlBatchCommand("""
            UPDATE bus_consumer_offsets SET committed_offset = @next, updated_at = now()
            WHERE group_name = @group AND topic = @topic AND partition = @partition AND lease_owner = @member AND committed_offset < @next
            """);
        offset.Parameters.AddWithValue("next", next);
        offset.Parameters.AddWithValue("group", _group);
        offset.Parameters.AddWithValue("topic", topic);
        offset.Parameters.AddWithValue("partition", partition);
        offset.Parameters.AddWithValue("member", _leases.Member);
        batch.BatchCommands.Add(offset);
        if (handled.Count > 0)
        {
            var inbox = new NpgsqlBatchCommand("""
                INSERT INTO bus_inbox (group_name, event_id) SELECT @group, id FROM unnest(@ids::uuid[]) id ON CONFLICT DO NOTHING
                """);
            inbox.Parameters.AddWithValue("group", _group);
            inbox.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = handled.ToArray() });
            batch.BatchCommands.Add(inbox);
        }
        foreach (var (stored, outcome) in dead)
        {
            batch.BatchCommands.Add(DeadLetterCommand(stored, outcome));
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (batch.BatchCommands[0].RecordsAffected == 0)
        {
            // The lease moved to another member (this one stalled past it): that member redelivers; discard ours.
            _logger.LogWarning("Group {Group} lost {Topic}[{Partition}] before committing; the new owner redelivers", _group, topic, partition);
            await transaction.RollbackAsync(cancellationToken);
            return;
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private NpgsqlBatchCommand DeadLetterCommand(StoredEvent stored, DeliveryOutcome outcome)
    {
        var envelope = stored.Envelope;
        var command = new NpgsqlBatchCommand("""
            INSERT INTO bus_dead_letters (group_name, topic, partition, event_offset, event_id, key, type, tenant_id, occurred_at,
                                          traceparent, schema_version, payload, error, attempts)
            VALUES (@group, @topic, @partition, @offset, @id, @key, @type, @tenant, @occurred, @trace, @version, @payload::jsonb, @error, @attempts)
            """);
        command.Parameters.AddWithValue("group", _group);
        command.Parameters.AddWithValue("topic", envelope.Topic);
        command.Parameters.AddWithValue("partition", stored.Partition);
        command.Parameters.AddWithValue("offset", stored.Offset);
        command.Parameters.AddWithValue("id", envelope.Id);
        command.Parameters.AddWithValue("key", envelope.Key);
        command.Parameters.AddWithValue("type", envelope.Type);
        command.Parameters.AddWithValue("tenant", envelope.TenantId);
        command.Parameters.AddWithValue("occurred", envelope.OccurredAt.ToUniversalTime());
        command.Parameters.AddWithValue("trace", (object?)envelope.TraceParent ?? DBNull.Value);
        command.Parameters.AddWithValue("version", envelope.SchemaVersion);
        command.Parameters.AddWithValue("payload", envelope.Payload);
        command.Parameters.AddWithValue("error", outcome.Error ?? "unknown");
        command.Parameters.AddWithValue("attempts", outcome.Attempts);
        return command;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using VoiceHelper.ServiceDefaults.Messaging;
using VoiceHelper.ServiceDefaults.Messaging.Postgres;
using VoiceHelper.Testing;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed class OutboxTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing_and_a_committed_one_publishes_exactly_one_event()
    {
        var eventsDb = await TestServers.CreateDatabaseAsync("bus_events");
        var serviceDb = await TestServers.CreateDatabaseAsync("bus_service");
        var recorder = new EventRecorder();
        using var host = ServiceHost(eventsDb, serviceDb, recorder);
        await host.StartAsync(TestContext.Current.CancellationToken);
        var outbox = host.Services.GetRequiredService<IOutbox>();
        var tenant = Guid.NewGuid();
        var user = Guid.NewGuid();

        await using var connection = new NpgsqlConnection(serviceDb);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await Execute(connection, null, "CREATE TABLE notes (id int PRIMARY KEY)");
        await using (var rolledBack = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            await Execute(connection, rolledBack, "INSERT INTO notes VALUES (1)");
            await outbox.EnqueueAsync(connection, rolledBack, new SequencedEvent(tenant, user, 1), cancellationToken: TestContext.Current.CancellationToken);
            await rolledBack.RollbackAsync(TestContext.Current.CancellationToken);
        }
        await using (var committed = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            await Execute(connection, committed, "INSERT INTO notes VALUES (2)");
            await outbox.EnqueueAsync(connection, committed, new SequencedEvent(tenant, user, 2), cancellationToken: TestContext.Current.CancellationToken);
            await committed.CommitAsync(TestContext.Current.CancellationToken);
        }
        // Same key, so the sentinel is delivered after anything published before it: when it is in, so is everything else.
        await using (var sentinel = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            await outbox.EnqueueAsync(connection, sentinel, new SequencedEvent(tenant, user, 3), cancellationToken: TestContext.Current.CancellationToken);
            await sentinel.CommitAsync(TestContext.Current.CancellationToken);
        }

        await Eventually.UntilAsync(() => recorder.Handled.Any(h => h.Sequence == 3), Timeout, "the sentinel is handled");
        recorder.Handled.Select(h => h.Sequence).ShouldBe([2, 3]);
        (await Count(eventsDb, "SELECT count(*) FROM bus_events")).ShouldBe(2);
        (await Count(serviceDb, "SELECT count(*) FROM outbox_messages")).ShouldBe(0);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_event_committed_while_no_relay_runs_is_delivered_once_a_relay_starts()
    {
        var eventsDb = await TestServers.CreateDatabaseAsync("bus_events");
        var serviceDb = await TestServers.CreateDatabaseAsync("bus_service");
        var recorder = new EventRecorder();
        var tenant = Guid.NewGuid();

        // The first process commits and dies before its relay moves anything: its host is never started.
        using (var crashed = ServiceHost(eventsDb, serviceDb, recorder, withHandler: false))
        {
            await crashed.Services.GetRequiredService<OutboxSchema>().EnsureAsync(TestContext.Current.CancellationToken);
            await using var connection = new NpgsqlConnection(serviceDb);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await crashed.Services.GetRequiredService<IOutbox>().EnqueueAsync(connection, transaction, new SequencedEvent(tenant, null, 7),
                cancellationToken: TestContext.Current.CancellationToken);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }
        (await Count(serviceDb, "SELECT count(*) FROM outbox_messages")).ShouldBe(1);

        using var restarted = ServiceHost(eventsDb, serviceDb, recorder);
        await restarted.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(() => recorder.Handled.Count == 1, Timeout, "the event left behind is delivered");
        recorder.Handled.Single().Sequence.ShouldBe(7);
        await restarted.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_DbContext_overload_follows_the_context_transaction_and_refuses_to_run_without_one()
    {
        var eventsDb = await TestServers.CreateDatabaseAsync("bus_events");
        var serviceDb = await TestServers.CreateDatabaseAsync("bus_service");
        var recorder = new EventRecorder();
        using var host = ServiceHost(eventsDb, serviceDb, recorder);
        await host.StartAsync(TestContext.Current.CancellationToken);
        var outbox = host.Services.GetRequiredService<IOutbox>();
        var tenant = Guid.NewGuid();
        await using var context = NotesDbContext.Create(serviceDb);
        // EnsureCreated would do nothing: the outbox tables already exist in this database.
        await context.Database.ExecuteSqlRawAsync("""CREATE TABLE "Notes" ("Id" int PRIMARY KEY, "Text" text NOT NULL)""",
            TestContext.Current.CancellationToken);

        await Should.ThrowAsync<InvalidOperationException>(() =>
            outbox.EnqueueAsync(context, new SequencedEvent(tenant, null, 0), cancellationToken: TestContext.Current.CancellationToken));

        await using (var rolledBack = await context.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            context.Notes.Add(new Note { Id = 1, Text = "discarded" });
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
            await outbox.EnqueueAsync(context, new SequencedEvent(tenant, null, 1), cancellationToken: TestContext.Current.CancellationToken);
            await rolledBack.RollbackAsync(TestContext.Current.CancellationToken);
        }
        context.ChangeTracker.Clear();
        await using (var committed = await context.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            context.Notes.Add(new Note { Id = 2, Text = "kept" });
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
            await outbox.EnqueueAsync(context, [new SequencedEvent(tenant, null, 2), new SequencedEvent(tenant, null, 3)],
                cancellationToken: TestContext.Current.CancellationToken);
            await committed.CommitAsync(TestContext.Current.CancellationToken);
        }

        await Eventually.UntilAsync(() => recorder.Handled.Any(h => h.Sequence == 3), Timeout, "the last committed event is handled");
        recorder.Handled.Select(h => h.Sequence).ShouldBe([2, 3]);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Two_replicas_relaying_one_outbox_keep_the_commit_order_of_a_key_and_move_each_event_once()
    {
        var eventsDb = await TestServers.CreateDatabaseAsync("bus_events");
        var serviceDb = await TestServers.CreateDatabaseAsync("bus_service");
        var recorder = new EventRecorder();
        using var replica1 = ServiceHost(eventsDb, serviceDb, recorder);
        using var replica2 = ServiceHost(eventsDb, serviceDb, recorder, withHandler: false);
        await replica1.StartAsync(TestContext.Current.CancellationToken);
        await replica2.StartAsync(TestContext.Current.CancellationToken);
        var tenant = Guid.NewGuid();
        var user = Guid.NewGuid();
        await using var dataSource = NpgsqlDataSource.Create(serviceDb);
        for (var i = 1; i <= 300; i++)
        {
            // Alternate replicas, as a load balancer would: both relays see commits and race for the outbox.
            var outbox = (i % 2 == 0 ? replica1 : replica2).Services.GetRequiredService<IOutbox>();
            await using var connection = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await outbox.EnqueueAsync(connection, transaction, new SequencedEvent(tenant, user, i), cancellationToken: TestContext.Current.CancellationToken);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        await Eventually.UntilAsync(() => recorder.Handled.Any(h => h.Sequence == 300), Timeout, "the last event is handled");
        recorder.Handled.Select(h => h.Sequence).ShouldBe(Enumerable.Range(1, 300));
        (await Count(eventsDb, "SELECT count(*) FROM bus_events")).ShouldBe(300);
        await replica2.StopAsync(TestContext.Current.CancellationToken);
        await replica1.StopAsync(TestContext.Current.CancellationToken);
    }

    private static IHost ServiceHost(string eventsDb, string serviceDb, EventRecorder recorder, bool withHandler = true)
    {
        var builder = BusTestHost.Create(eventsDb, "service", recorder, new Dictionary<string, string?> { ["ConnectionStrings:servicedb"] = serviceDb });
        builder.AddOutbox("servicedb");
        if (withHandler)
        {
            builder.AddEventHandler<SequencedEvent, RecordingHandler>("probe");
        }
        return builder.Build();
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<long> Count(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>For polling while the consumers may still be creating the bus tables.</summary>
    internal static async Task<long> CountOrZero(string connectionString, string sql)
    {
        try
        {
            return await Count(connectionString, sql);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VoiceHelper.Contracts;
using VoiceHelper.Contracts.Events;
using VoiceHelper.ServiceDefaults.Messaging;
using VoiceHelper.Testing;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed class ConsumerKillTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("before-commit", 0)]
    [InlineData("after-commit", 1)]
    public async Task A_consumer_killed_while_handling_is_handled_after_restart_and_its_effect_exists_once(string killPoint, int effectsAtKill)
    {
        var eventsDb = await TestServers.CreateDatabaseAsync("bus_kill");
        var effectsDb = await TestServers.CreateDatabaseAsync("bus_effects");
        await using (var dataSource = NpgsqlDataSource.Create(effectsDb))
        await using (var create = dataSource.CreateCommand("CREATE TABLE effects (event_id uuid NOT NULL, document_id uuid NOT NULL, pid int NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        var recorder = new EventRecorder();
        var publisherBuilder = BusTestHost.Create(eventsDb, "producer", recorder);
        publisherBuilder.AddEventBus();
        using var producer = publisherBuilder.Build();
        var tenant = Guid.NewGuid();
        var uploaded = new DocumentUploaded(tenant, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "manual.pdf", "application/pdf", 1234,
            "documents/manual.pdf", DateTimeOffset.UtcNow);
        await producer.Services.GetRequiredService<IEventPublisher>().PublishAsync(uploaded, cancellationToken: TestContext.Current.CancellationToken);
        var eventId = await SingleEventId(eventsDb);
        var environment = new Dictionary<string, string>
        {
            [$"ConnectionStrings__{ResourceNames.EventsDb}"] = eventsDb,
            ["ConnectionStrings__effectsdb"] = effectsDb,
            ["EventBus__Partitions"] = "2",
            ["EventBus__LeaseDuration"] = "00:00:02",
        };

        using (var first = ConsumerProcess.Start(new Dictionary<string, string>(environment) { ["EVENTBUS_TEST_HANG"] = killPoint }))
        {
            await first.WaitForLineAsync(killPoint == "before-commit" ? $"handling {eventId}" : $"committed {eventId}", Timeout);
            first.Kill();
        }
        (await Effects(effectsDb)).ShouldBe(effectsAtKill);
        (await CommittedOffset(eventsDb)).ShouldBe(0, "the group had not committed the event when the consumer died");

        // The restarted consumer takes the dead one's partition once its lease expires and redelivers the event.
        using var second = ConsumerProcess.Start(environment);
        await Eventually.UntilAsync(async () => await CommittedOffset(eventsDb) == 1, Timeout, "the restarted consumer commits the event");
        (await Effects(effectsDb)).ShouldBe(1);
        second.Lines.ShouldContain(killPoint == "before-commit" ? $"committed {eventId}" : $"duplicate {eventId}");
    }

    private static async Task<Guid> SingleEventId(string eventsDb)
    {
        await using var dataSource = NpgsqlDataSource.Create(eventsDb);
        await using var command = dataSource.CreateCommand("SELECT event_id FROM bus_events");
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    private static Task<long> Effects(string effectsDb) => OutboxTests.Count(effectsDb, "SELECT count(*) FROM effects");

    private static Task<long> CommittedOffset(string eventsDb) =>
        OutboxTests.Count(eventsDb, "SELECT COALESCE(sum(committed_offset), 0) FROM bus_consumer_offsets WHERE group_name = 'kill-test'");
}

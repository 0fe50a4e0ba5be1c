using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceHelper.ServiceDefaults.Messaging;
using VoiceHelper.ServiceDefaults.Messaging.Postgres;
using VoiceHelper.Testing;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed class RetentionTests
{
    [Fact]
    public async Task Retention_deletes_old_events_every_group_consumed_and_keeps_those_a_lagging_group_still_needs()
    {
        var eventsDb = await TestServers.CreateDatabaseAsync("bus_retention");
        var recorder = new EventRecorder();
        var settings = new Dictionary<string, string?> { ["EventBus:Retention"] = "00:00:00", ["EventBus:Partitions"] = "1" };
        var builder = BusTestHost.Create(eventsDb, "worker", recorder, settings);
        builder.AddEventHandler<SequencedEvent, RecordingHandler>("fast");
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var publisher = host.Services.GetRequiredService<IEventPublisher>();
        var tenant = Guid.NewGuid();
        for (var i = 1; i <= 10; i++)
        {
            await publisher.PublishAsync(new SequencedEvent(tenant, null, i), cancellationToken: TestContext.Current.CancellationToken);
        }
        await Eventually.UntilAsync(() => recorder.Handled.Count == 10, TimeSpan.FromSeconds(30), "the group consumed everything");
        await Eventually.UntilAsync(async () => await OutboxTests.Count(eventsDb,
            "SELECT committed_offset FROM bus_consumer_offsets WHERE group_name = 'fast'") == 10, TimeSpan.FromSeconds(30), "the offset is committed");

        // A second group that has only consumed the first 4 events holds back the rest.
        await using (var dataSource = Npgsql.NpgsqlDataSource.Create(eventsDb))
        await using (var lagging = dataSource.CreateCommand("""
            INSERT INTO bus_consumer_offsets (group_name, topic, partition, committed_offset) VALUES ('slow', 'test.sequenced', 0, 4)
            """))
        {
            await lagging.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        var cleaner = host.Services.GetServices<IHostedService>().OfType<RetentionCleaner>().Single();
        (await cleaner.RunOnceAsync(TestContext.Current.CancellationToken)).ShouldBe(4);
        (await OutboxTests.Count(eventsDb, "SELECT min(event_offset) FROM bus_events")).ShouldBe(4);
        (await OutboxTests.Count(eventsDb, "SELECT count(*) FROM bus_events")).ShouldBe(6);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceHelper.ServiceDefaults.Messaging;
using VoiceHelper.Testing;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed class OrderingTests
{
    private const int EventCount = 1000;

    [Fact]
    public async Task Two_competing_instances_keep_per_key_order_and_every_group_sees_every_event()
    {
        var eventsDb = await TestServers.CreateDatabaseAsync("bus_order");
        var recorder = new EventRecorder();
        var settings = new Dictionary<string, string?> { ["EventBus:Partitions"] = "6", ["EventBus:BatchSize"] = "50" };
        var hosts = new List<IHost>();
        foreach (var (instance, groups) in new[] { ("a1", new[] { "indexer", "audit" }), ("a2", new[] { "indexer" }) })
        {
            var builder = BusTestHost.Create(eventsDb, instance, recorder, settings);
            foreach (var group in groups)
            {
                builder.AddEventHandler<SequencedEvent, RecordingHandler>(group);
            }
            var host = builder.Build();
            await host.StartAsync(TestContext.Current.CancellationToken);
            hosts.Add(host);
        }
        // Both indexer instances share the partitions before the burst, so the test sees real competition.
        await Eventually.UntilAsync(async () => await OutboxTests.CountOrZero(eventsDb,
                "SELECT count(DISTINCT lease_owner) FROM bus_consumer_offsets WHERE group_name = 'indexer' AND lease_expires_at > now()") == 2,
            TimeSpan.FromSeconds(30), "both indexer instances own partitions");

        var tenant = Guid.NewGuid();
        var users = Enumerable.Range(0, 25).Select(_ => Guid.NewGuid()).ToArray();
        var publisher = hosts[0].Services.GetRequiredService<IEventPublisher>();
        var sequence = new int[users.Length];
        for (var sent = 0; sent < EventCount; sent += 50)
        {
            // Publish in batches of 50 spread over the users; each user's sequence numbers rise in publish order.
            var envelopes = Enumerable.Range(sent, 50).Select(i =>
            {
                var user = i % users.Length;
                return Publish(new SequencedEvent(tenant, users[user], ++sequence[user]));
            }).ToList();
            await publisher.PublishAsync(envelopes, TestContext.Current.CancellationToken);
        }

        await Eventually.UntilAsync(() => recorder.Handled.Count(h => h.Group == "indexer") >= EventCount
                && recorder.Handled.Count(h => h.Group == "audit") >= EventCount,
            TimeSpan.FromSeconds(60), "both groups handled all events");
        foreach (var host in hosts)
        {
            await host.StopAsync(TestContext.Current.CancellationToken);
            host.Dispose();
        }

        var handled = recorder.Handled;
        foreach (var group in new[] { "indexer", "audit" })
        {
            var ofGroup = handled.Where(h => h.Group == group).ToList();
            ofGroup.Select(h => h.EventId).Distinct().Count().ShouldBe(EventCount, $"group {group} sees every event");
            foreach (var key in ofGroup.GroupBy(h => h.Key))
            {
                key.Select(h => h.Sequence).ShouldBe(Enumerable.Range(1, key.Count()), $"group {group}, key {key.Key} in publish order");
            }
        }
        var perInstance = handled.Where(h => h.Group == "indexer").GroupBy(h => h.Instance).ToDictionary(g => g.Key, g => g.Count());
        perInstance.Keys.ShouldBe(["a1", "a2"], ignoreOrder: true);
    }

    private static EventEnvelope Publish(SequencedEvent @event) =>
        EnvelopeFactory.Create(@event, null, TimeProvider.System);
}

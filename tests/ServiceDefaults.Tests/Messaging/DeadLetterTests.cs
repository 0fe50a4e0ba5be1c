using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceHelper.ServiceDefaults.Messaging;
using VoiceHelper.Testing;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed class DeadLetterTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_poison_event_is_dead_lettered_after_the_configured_attempts_and_a_replay_reaches_only_its_group()
    {
        var eventsDb = await TestServers.CreateDatabaseAsync("bus_dlq");
        var recorder = new EventRecorder();
        var builder = BusTestHost.Create(eventsDb, "worker", recorder, new Dictionary<string, string?> { ["EventBus:MaxAttempts"] = "3" });
        builder.AddEventHandler<SequencedEvent, RecordingHandler>("indexer");
        builder.AddEventHandler<SequencedEvent, TolerantHandler>("audit");
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var publisher = host.Services.GetRequiredService<IEventPublisher>();
        var deadLetters = host.Services.GetRequiredService<IDeadLetters>();
        var tenant = Guid.NewGuid();
        var user = Guid.NewGuid();

        await publisher.PublishAsync(new SequencedEvent(tenant, user, 1, Poison: true), cancellationToken: TestContext.Current.CancellationToken);
        await publisher.PublishAsync(new SequencedEvent(tenant, user, 2), cancellationToken: TestContext.Current.CancellationToken);

        // The partition moves on: the next event of the same key is handled after the poison one gave up.
        await Eventually.UntilAsync(() => recorder.Handled.Any(h => h.Group == "indexer" && h.Sequence == 2), Timeout, "the event after the poison is handled");
        recorder.Failures.Select(f => f.Attempt).ShouldBe([1, 2, 3]);
        DeadLetterPage page = new([], 1, 20, false);
        await Eventually.UntilAsync(async () => (page = await deadLetters.ListAsync(tenant, 1, 20, TestContext.Current.CancellationToken)).Items.Count == 1,
            Timeout, "the poison event is a dead letter");
        var letter = page.Items.ShouldHaveSingleItem();
        letter.Group.ShouldBe("indexer");
        letter.Attempts.ShouldBe(3);
        letter.Error.ShouldContain("poison event 1 refused");
        letter.Payload.GetProperty("sequence").GetInt32().ShouldBe(1);
        (await deadLetters.ListAsync(Guid.NewGuid(), 1, 20, TestContext.Current.CancellationToken)).Items.ShouldBeEmpty();
        (await deadLetters.ReplayAsync(Guid.NewGuid(), letter.Id, TestContext.Current.CancellationToken)).ShouldBe(ReplayResult.NotFound);

        recorder.Healed = true;
        (await deadLetters.ReplayAsync(tenant, letter.Id, TestContext.Current.CancellationToken)).ShouldBe(ReplayResult.Replayed);
        await Eventually.UntilAsync(() => recorder.Handled.Any(h => h.Group == "indexer" && h.Sequence == 1), Timeout, "the replayed event is handled");
        (await deadLetters.ReplayAsync(tenant, letter.Id, TestContext.Current.CancellationToken)).ShouldBe(ReplayResult.AlreadyReplayed);
        (await deadLetters.ListAsync(tenant, 1, 20, TestContext.Current.CancellationToken)).Items.Single().ReplayedAt.ShouldNotBeNull();

        // A sentinel after the replay: once audit has it, audit has seen everything before it, and the replay was not for audit.
        await publisher.PublishAsync(new SequencedEvent(tenant, user, 3), cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(() => recorder.Handled.Any(h => h.Group == "audit" && h.Sequence == 3), Timeout, "audit handles the sentinel");
        recorder.Handled.Where(h => h.Group == "audit").Select(h => h.Sequence).ShouldBe([1, 2, 3]);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_partition_waiting_out_a_back_off_does_not_hold_up_other_partitions()
    {
        var eventsDb = await TestServers.CreateDatabaseAsync("bus_backoff");
        var recorder = new EventRecorder();
        var builder = BusTestHost.Create(eventsDb, "worker", recorder, new Dictionary<string, string?>
        {
            ["EventBus:MaxAttempts"] = "2",
            ["EventBus:InitialBackoff"] = "00:00:10",
        });
        builder.AddEventHandler<SequencedEvent, RecordingHandler>("indexer");
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var publisher = host.Services.GetRequiredService<IEventPublisher>();
        var tenant = Guid.NewGuid();
        var slowKey = "slow";
        var fastKey = Enumerable.Range(0, 100).Select(i => $"fast-{i}").First(k => Partitioner.PartitionFor(k, 4) != Partitioner.PartitionFor(slowKey, 4));

        await publisher.PublishAsync(new SequencedEvent(tenant, null, 1, Poison: true), slowKey, TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(() => recorder.Failures.Count == 1, Timeout, "the poison event failed once");
        await publisher.PublishAsync(new SequencedEvent(tenant, null, 2), fastKey, TestContext.Current.CancellationToken);

        await Eventually.UntilAsync(() => recorder.Handled.Any(h => h.Sequence == 2), TimeSpan.FromSeconds(5),
            "the other partition's event is handled during the 10 s back-off");
        recorder.Failures.Count.ShouldBe(1);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}

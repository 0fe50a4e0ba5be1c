using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Contracts.Events;
using VoiceHelper.EventBus.TestConsumer;
using VoiceHelper.Messaging.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Messaging;
using Wolverine.EntityFrameworkCore;

namespace VoiceHelper.Messaging.Tests;

public sealed class CrashRecoveryTests
{
    private const int EventCount = 2_000;

    [Fact]
    public async Task Events_of_a_consumer_killed_with_SIGKILL_mid_stream_are_all_handled_by_the_next_one_and_none_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        var system = await BusSystem.CreateAsync();
        var settings = system.Settings();
        using var producer = system.Host("producer", "producer", consume: false);
        await producer.StartAsync(ct);
        var tenant = Guid.NewGuid();
        var events = Enumerable.Range(0, EventCount).Select(_ => Events.Usage(tenant)).ToList();

        long handledBeforeKill;
        await using (var first = await ConsumerProcess.StartAsync(settings, "first", TimeSpan.FromSeconds(60)))
        {
            var publishing = PublishAsync(producer.Services, events, ct);
            await Eventually.UntilAsync(async () => await system.ScalarAsync("SELECT count(*) FROM effects") >= EventCount / 4,
                TimeSpan.FromSeconds(60), $"the first consumer has handled a quarter of the events\n{first.Output}");
            await first.KillAsync();
            handledBeforeKill = await system.ScalarAsync("SELECT count(*) FROM effects");
            // The publisher goes on while no consumer runs: the broker keeps its queue.
            await publishing;
        }
        handledBeforeKill.ShouldBeLessThan(EventCount, "the consumer must die in the middle of the stream");

        var restarted = System.Diagnostics.Stopwatch.StartNew();
        await using (var second = await ConsumerProcess.StartAsync(settings, "second", TimeSpan.FromSeconds(60)))
        {
            // What the dead one had taken from the broker but not finished moves to the live one after EventBus:NodeTimeout.
            await Eventually.UntilAsync(async () => await system.ScalarAsync("SELECT count(DISTINCT event_id) FROM effects") == EventCount,
                TimeSpan.FromSeconds(90), $"all {EventCount} events are handled\n{second.Output}");
            // Nothing is left that could run once more: no envelope waits in the consumer's inbox.
            var inbox = $"{EventBusRegistration.StoreSchema("consumer")}.wolverine_incoming_envelopes";
            await Eventually.UntilAsync(async () => await system.ScalarAsync($"SELECT count(*) FROM {inbox} WHERE status <> 'Handled'") == 0,
                TimeSpan.FromSeconds(30), "the inbox holds no unhandled envelope");
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{handledBeforeKill} handled before SIGKILL; the rest within {restarted.Elapsed.TotalSeconds:0.0} s of the restart");

        (await system.ScalarAsync("SELECT count(*) FROM effects")).ShouldBe(EventCount, "an event had a second effect");
        var ids = string.Join(",", events.Select(e => $"'{e.UsageId}'"));
        (await system.ScalarAsync($"SELECT count(*) FROM effects WHERE event_id IN ({ids})")).ShouldBe(EventCount);
        (await system.ScalarAsync("SELECT count(*) FROM effects WHERE handled_by = 'second'")).ShouldBeGreaterThan(0);
        await producer.StopAsync(ct);
    }

    /// <summary>As real publishers do: the events commit in the publisher's transactions (100 per transaction here).</summary>
    private static async Task PublishAsync(IServiceProvider services, IEnumerable<UsageRecorded> events, CancellationToken ct)
    {
        foreach (var batch in events.Chunk(100))
        {
            using var scope = services.CreateScope();
            var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<EffectsDbContext>>();
            await using var transaction = await outbox.DbContext.Database.BeginTransactionAsync(ct);
            foreach (var @event in batch)
            {
                await outbox.PublishAsync(@event);
            }
            await transaction.CommitAsync(ct);
            await outbox.FlushOutgoingMessagesAsync();
        }
    }
}

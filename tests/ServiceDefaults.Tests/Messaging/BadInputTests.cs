using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.ServiceDefaults.Messaging;
using VoiceHelper.Testing;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed class BadInputTests
{
    [Fact]
    public async Task Unknown_types_and_malformed_payloads_are_dead_lettered_at_once_and_the_consumer_keeps_going()
    {
        var eventsDb = await TestServers.CreateDatabaseAsync("bus_bad");
        var recorder = new EventRecorder();
        var builder = BusTestHost.Create(eventsDb, "worker", recorder, new Dictionary<string, string?> { ["EventBus:MaxAttempts"] = "5" });
        builder.AddEventHandler<SequencedEvent, RecordingHandler>("indexer");
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var publisher = host.Services.GetRequiredService<IEventPublisher>();
        var tenant = Guid.NewGuid();
        var key = $"{tenant:N}:bad-input";

        EventEnvelope Raw(string type, string payload) =>
            new(Guid.NewGuid(), SequencedEvent.Topic, key, type, tenant, DateTimeOffset.UtcNow, null, 1, payload);
        await publisher.PublishAsync(
        [
            Raw("SomethingNobodyHandles", """{"sequence": 1}"""),
            Raw(nameof(SequencedEvent), """{"tenant_id": "not-a-guid", "sequence": 2}"""),
            Raw(nameof(SequencedEvent), "\"just a string\""),
            Raw(nameof(SequencedEvent), "null"),
            Raw(nameof(SequencedEvent), """{"tenant_id": "3f2c1c1e-7d7a-4d3e-9a54-0d6b3bb1b0a1"}"""),
            Raw(nameof(SequencedEvent), $$"""{"tenant_id": "{{tenant}}", "user_id": null, "sequence": 6}"""),
        ], TestContext.Current.CancellationToken);

        await Eventually.UntilAsync(() => recorder.Handled.Any(h => h.Sequence == 6), TimeSpan.FromSeconds(30), "the valid event after the bad ones is handled");
        recorder.Handled.Count.ShouldBe(1);
        // Dead letters commit with the partition's offset, just after the batch's last handler returns.
        var deadLetters = host.Services.GetRequiredService<IDeadLetters>();
        IReadOnlyList<DeadLetter> letters = [];
        await Eventually.UntilAsync(async () =>
        {
            letters = (await deadLetters.ListAsync(tenant, 1, 20, TestContext.Current.CancellationToken)).Items.OrderBy(l => l.Offset).ToList();
            return letters.Count == 5;
        }, TimeSpan.FromSeconds(30), "the five bad events are dead letters");
        letters[0].Error.ShouldStartWith("unknown_type");
        letters.Skip(1).ShouldAllBe(l => l.Error.StartsWith("malformed_payload"));
        letters.ShouldAllBe(l => l.Attempts == 1);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}

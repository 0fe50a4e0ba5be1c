using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Contracts.Events;
using VoiceHelper.EventBus.TestConsumer;
using VoiceHelper.Messaging.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Messaging;
using Wolverine.EntityFrameworkCore;

namespace VoiceHelper.Messaging.Tests;

/// <summary>The cluster transport with the same handlers, against librdkafka's mock cluster (the only Kafka available here).</summary>
public sealed class KafkaTransportTests
{
    [Fact]
    public async Task An_event_makes_the_round_trip_through_Kafka_keyed_by_tenant_and_user()
    {
        var ct = TestContext.Current.CancellationToken;
        using var cluster = KafkaMockCluster.Start();
        var system = await BusSystem.CreateAsync();
        var kafka = new Dictionary<string, string>
        {
            ["EventBus:Transport"] = "kafka",
            ["ConnectionStrings:kafka"] = cluster.BootstrapServers,
        };
        using var consumer = system.Host("consumer", "kafka-consumer", consume: true, kafka);
        using var producer = system.Host("producer", "kafka-producer", consume: false, kafka);
        await consumer.StartAsync(ct);
        await producer.StartAsync(ct);
        var tenant = Guid.NewGuid();
        var @event = Events.Usage(tenant);

        using (var scope = producer.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<EffectsDbContext>>();
            await using var transaction = await outbox.DbContext.Database.BeginTransactionAsync(ct);
            await outbox.PublishAsync(@event);
            await transaction.CommitAsync(ct);
            await outbox.FlushOutgoingMessagesAsync();
        }

        await Eventually.UntilAsync(async () => await system.ScalarAsync($"SELECT count(*) FROM effects WHERE event_id = '{@event.UsageId}'") == 1,
            TimeSpan.FromSeconds(60), "the event is handled through Kafka");

        // On the wire: the contract's topic (in the test's namespace), keyed by tenant + user, with the snake_case payload.
        var readerConfig = new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = $"test-reader-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        };
        using var reader = new ConsumerBuilder<string, string>(readerConfig).Build();
        reader.Subscribe(system.Namespace + EventTopic.Of(typeof(UsageRecorded)));
        var record = await Task.Run(() => reader.Consume(TimeSpan.FromSeconds(30)), ct);
        reader.Close();
        record.ShouldNotBeNull("nothing was on the topic");
        record.Message.Key.ShouldBe(EventTopic.PartitionKey(@event));
        JsonDocument.Parse(record.Message.Value).RootElement.GetProperty("usage_id").GetGuid().ShouldBe(@event.UsageId);
        await producer.StopAsync(ct);
        await consumer.StopAsync(ct);
    }
}

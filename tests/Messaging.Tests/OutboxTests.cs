using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceHelper.EventBus.TestConsumer;
using VoiceHelper.Messaging.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Messaging;
using Wolverine.EntityFrameworkCore;

namespace VoiceHelper.Messaging.Tests;

public sealed class OutboxTests
{
    [Fact]
    public async Task An_event_published_in_a_rolled_back_transaction_is_never_delivered()
    {
        var ct = TestContext.Current.CancellationToken;
        var system = await BusSystem.CreateAsync();
        using var consumer = system.Host("consumer", "consumer", consume: true);
        using var producer = system.Host("producer", "producer", consume: false);
        await consumer.StartAsync(ct);
        await producer.StartAsync(ct);
        var tenant = Guid.NewGuid();
        var rolledBack = Events.Usage(tenant);
        var committed = Events.Usage(tenant);

        using (var scope = producer.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<EffectsDbContext>>();
            await using var transaction = await outbox.DbContext.Database.BeginTransactionAsync(ct);
            await outbox.PublishAsync(rolledBack);
            await transaction.RollbackAsync(ct);
        }
        using (var scope = producer.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<EffectsDbContext>>();
            await using var transaction = await outbox.DbContext.Database.BeginTransactionAsync(ct);
            await outbox.PublishAsync(committed);
            await transaction.CommitAsync(ct);
            await outbox.FlushOutgoingMessagesAsync();
        }

        await Eventually.UntilAsync(async () => await system.ScalarAsync($"SELECT count(*) FROM effects WHERE event_id = '{committed.UsageId}'") == 1,
            TimeSpan.FromSeconds(30), "the committed event is handled");
        // Nothing of the rolled-back one is left to send later, and it was not handled.
        var schema = EventBusRegistration.StoreSchema("producer");
        (await system.ScalarAsync($"SELECT count(*) FROM {schema}.wolverine_outgoing_envelopes")).ShouldBe(0);
        (await system.ScalarAsync($"SELECT count(*) FROM effects WHERE event_id = '{rolledBack.UsageId}'")).ShouldBe(0);
        await producer.StopAsync(ct);
        await consumer.StopAsync(ct);
    }
}

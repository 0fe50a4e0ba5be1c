using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoiceHelper.Contracts.Events;
using VoiceHelper.ServiceDefaults.Messaging;
using Wolverine.EntityFrameworkCore;

namespace VoiceHelper.EventBus.Bench;

/// <summary>
/// One producer host and two instances of one consumer service, each a real Wolverine host wired by
/// <see cref="EventBusRegistration.AddEventBus"/> as the services are (durable outbox and inbox in PostgreSQL), on one
/// transport. The producer publishes through the EF Core outbox inside its own transactions, as services do.
/// </summary>
internal sealed class TransportBench(string store, IReadOnlyDictionary<string, string?> settings) : IAsyncDisposable
{
    public const string StoreConnection = "store";

    private readonly BenchClock _clock = new();
    private readonly List<IHost> _hosts = [];
    private readonly Guid _tenant = Guid.NewGuid();
    private readonly Guid[] _users = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToArray();
    private IHost _producer = null!;

    public async Task StartAsync()
    {
        // Consumers first: their queues (or consumer groups) exist before anything is published.
        foreach (var instance in new[] { "c1", "c2" })
        {
            var consumer = Build(instance, consume: true);
            _hosts.Add(consumer);
            await consumer.StartAsync();
        }
        _producer = Build("producer", consume: false);
        _hosts.Add(_producer);
        await _producer.StartAsync();
    }

    /// <summary>Each event alone, the next one only after the previous was handled and a pause: the bus is idle every time.</summary>
    public async Task<List<double>> IdleLatencyAsync(int count, TimeSpan pause)
    {
        _clock.Reset();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var @event = NewEvent(i);
            ids.Add(@event.UsageId);
            var handled = _clock.WhenHandled(@event.UsageId);
            await PublishAsync([@event], CancellationToken.None);
            await handled.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(pause);
        }
        return _clock.LatenciesMs(ids);
    }

    /// <summary>
    /// <paramref name="count"/> events in transactions of <paramref name="perTransaction"/>, from
    /// <paramref name="concurrency"/> concurrent writers of the one producer, until all are handled or <paramref name="bound"/>.
    /// </summary>
    public async Task<ThroughputResult> ThroughputAsync(int count, int perTransaction, int concurrency, TimeSpan bound)
    {
        _clock.Reset();
        var batches = Enumerable.Range(0, count).Select(NewEvent).Chunk(perTransaction).ToArray();
        using var stop = new CancellationTokenSource(bound);
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        var producing = Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int batch;
            while ((batch = Interlocked.Increment(ref next)) < batches.Length && !stop.IsCancellationRequested)
            {
                await PublishAsync(batches[batch], stop.Token);
            }
        }));
        var produced = TimeSpan.Zero;
        while (_clock.Handled < count && !stop.IsCancellationRequested)
        {
            if (producing.IsCompleted && produced == TimeSpan.Zero)
            {
                produced = Stopwatch.GetElapsedTime(started);
            }
            await Task.Delay(10);
        }
        try
        {
            await producing;
        }
        catch (OperationCanceledException)
        {
            // Bounded: the writers stop at the deadline.
        }
        if (produced == TimeSpan.Zero)
        {
            produced = Stopwatch.GetElapsedTime(started);
        }
        var completed = _clock.Handled >= count;
        var elapsed = completed ? Stopwatch.GetElapsedTime(started, _clock.LastHandled) : bound;
        return new ThroughputResult(count, _clock.Handled, produced, elapsed, completed,
            string.Join("/", _clock.PerInstance.OrderBy(p => p.Key).Select(p => p.Value)), _clock.Duplicates);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    private IHost Build(string instance, bool consume)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = typeof(BenchHandler).Assembly.GetName().Name,
            EnvironmentName = "Production",
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{StoreConnection}"] = store });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
        builder.Services.AddSingleton(_clock);
        builder.Services.AddSingleton(new BenchInstance(instance));
        builder.Services.AddDbContext<BenchDbContext>(options => options.UseNpgsql(store));
        // Two instances of one service: they share its store schema and compete on its subscription.
        builder.AddEventBus(consume ? "bench-consumer" : "bench-producer", StoreConnection, bus =>
        {
            if (consume)
            {
                bus.Handler<BenchHandler>();
            }
        });
        return builder.Build();
    }

    private async Task PublishAsync(IReadOnlyList<UsageRecorded> events, CancellationToken cancellationToken)
    {
        foreach (var @event in events)
        {
            _clock.Publishing(@event.UsageId);
        }
        using var scope = _producer.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<BenchDbContext>>();
        await using var transaction = await outbox.DbContext.Database.BeginTransactionAsync(cancellationToken);
        foreach (var @event in events)
        {
            await outbox.PublishAsync(@event);
        }
        await transaction.CommitAsync(cancellationToken);
        await outbox.FlushOutgoingMessagesAsync();
    }

    private UsageRecorded NewEvent(int i) =>
        new(_tenant, _users[i % _users.Length], Guid.NewGuid(), "chat", "embedded", "default", 120, 80, 0.0004m, 350, DateTimeOffset.UtcNow);
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using VoiceHelper.Contracts;
using VoiceHelper.Contracts.Events;
using VoiceHelper.ServiceDefaults.Messaging.Postgres;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>Wiring of the event bus; the PostgreSQL transport is an implementation detail behind these calls.</summary>
public static class EventBusRegistration
{
    /// <summary>
    /// Adds the shared bus from <c>ConnectionStrings:eventsdb</c>: <see cref="IEventPublisher"/>, <see cref="IDeadLetters"/>,
    /// the notification listener that wakes consumers, retention cleanup and a readiness check. Options come
    /// from the <c>EventBus</c> section. Safe to call more than once.
    /// </summary>
    public static IHostApplicationBuilder AddEventBus(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(BusDataSource)))
        {
            return builder;
        }
        var connectionString = builder.Configuration.GetConnectionString(ResourceNames.EventsDb)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ResourceNames.EventsDb} is not set. Run through VoiceHelper.AppHost or set ConnectionStrings__{ResourceNames.EventsDb}.");
        services.AddOptions<EventBusOptions>().BindConfiguration(EventBusOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.InitialBackoff >= TimeSpan.Zero && o.MaxBackoff >= o.InitialBackoff, "EventBus back-off must be non-negative, the maximum at least the initial.")
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(1), "EventBus:LeaseDuration must be at least one second.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.RetentionInterval > TimeSpan.Zero && o.Retention >= TimeSpan.Zero,
                "EventBus intervals must be positive and the retention non-negative.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new BusDataSource(connectionString));
        services.AddSingleton<BusSchema>();
        services.AddSingleton<LogAppender>();
        services.AddSingleton<IEventPublisher, BusPublisher>();
        services.AddSingleton<IDeadLetters, PostgresDeadLetters>();
        services.AddSingleton<BusNotifications>();
        services.AddHostedService(sp => sp.GetRequiredService<BusNotifications>());
        services.AddHostedService<RetentionCleaner>();
        services.AddHealthChecks().AddCheck<BusHealthCheck>("eventbus", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Adds the transactional outbox (and the handlers' inbox) in the service's own database
    /// <c>ConnectionStrings:{connectionName}</c>: <see cref="IOutbox"/> plus the relay that moves committed events to the bus.
    /// The tables are created at start-up, before the service takes requests.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder, string connectionName)
    {
        builder.AddEventBus();
        if (builder.Services.Any(d => d.ServiceType == typeof(OutboxDataSource)))
        {
            throw new InvalidOperationException("AddOutbox was already called: a service has one outbox, in its own database.");
        }
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set; the outbox lives in that database.");
        builder.Services.AddSingleton(_ => new OutboxDataSource(connectionString, connectionName));
        builder.Services.AddSingleton<OutboxSchema>();
        builder.Services.AddSingleton<IOutbox, PostgresOutbox>();
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }

    /// <summary>
    /// Subscribes <typeparamref name="THandler"/> to <typeparamref name="TEvent"/>'s topic in consumer group
    /// <paramref name="group"/>. Every group receives every event; instances of one group share the partitions.
    /// </summary>
    public static IHostApplicationBuilder AddEventHandler<TEvent, THandler>(this IHostApplicationBuilder builder, string group)
        where TEvent : IIntegrationEvent
        where THandler : class, IEventHandler<TEvent>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        builder.AddEventBus();
        var services = builder.Services;
        services.TryAddScoped<THandler>();
        services.AddSingleton(HandlerRegistration.For<TEvent, THandler>(group));
        var marker = new ConsumerGroupMarker(group);
        if (!services.Any(d => d.ServiceType == typeof(ConsumerGroupMarker) && Equals(d.ImplementationInstance, marker)))
        {
            services.AddSingleton(marker);
            services.AddSingleton<IHostedService>(sp => new ConsumerGroupWorker(group, sp));
        }
        return builder;
    }

    private sealed record ConsumerGroupMarker(string Group);
}

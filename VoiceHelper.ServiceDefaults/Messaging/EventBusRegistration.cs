using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using VoiceHelper.Contracts;
using Wolverine;
using Wolverine.EntityFrameworkCore;
using Wolverine.Kafka;
using Wolverine.Postgresql;
using Wolverine.RabbitMQ;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>Wiring of Wolverine as the event bus between services; the transport is configuration, the handlers are not.</summary>
public static class EventBusRegistration
{
    /// <summary>
    /// Adds Wolverine for service <paramref name="serviceName"/>: its durable outbox and inbox (and dead letters) in
    /// the database <c>ConnectionStrings:{storeConnectionName}</c>, so that an event commits in the same transaction
    /// as the change it records (EF Core: <c>IDbContextOutbox&lt;T&gt;</c>; Npgsql: <c>EnlistInOutboxAsync(transaction)</c>),
    /// every contract event routed to its topic, the handlers of <paramref name="subscribe"/> listening on their
    /// topics through the transport of <c>EventBus:Transport</c>, retries with back-off then dead letters per event
    /// kind, pre-generated handler code only, and Wolverine's trace source. A service without a database of its own
    /// passes <see cref="ResourceNames.EventsDb"/> as its store.
    /// </summary>
    public static IHostApplicationBuilder AddEventBus(this IHostApplicationBuilder builder, string serviceName, string storeConnectionName,
        Action<EventSubscriptions>? subscribe = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var options = builder.Configuration.GetSection(EventBusOptions.Section).Get<EventBusOptions>() ?? new EventBusOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        builder.Services.AddOptions<EventBusOptions>().BindConfiguration(EventBusOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var store = builder.Configuration.GetConnectionString(storeConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{storeConnectionName} is not set; the outbox and inbox live in that database.");
        var subscriptions = new EventSubscriptions();
        subscribe?.Invoke(subscriptions);
        var schema = StoreSchema(serviceName);
        var applicationAssembly = Assembly.Load(builder.Environment.ApplicationName);

        builder.Services.AddSingleton<IDeadLetters>(_ => new PostgresDeadLetters(store, schema));
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource("Wolverine"));
        builder.UseWolverine(opts =>
        {
            opts.ServiceName = serviceName;
            opts.ApplicationAssembly = applicationAssembly;
            // MediatR's request handlers carry the HTTP slices; only the subscribed event handlers are Wolverine's.
            opts.Discovery.DisableConventionalDiscovery();
            foreach (var handler in subscriptions.Handlers)
            {
                opts.Discovery.IncludeType(handler);
            }
            // No Roslyn at run time: the handler code is generated ahead (tests/Messaging.Tests GeneratedCodeTests) and committed.
            opts.CodeGeneration.TypeLoadMode = options.CodeGeneration;
            opts.UseSystemTextJsonForSerialization(json =>
            {
                json.PropertyNamingPolicy = EventJson.Options.PropertyNamingPolicy;
                json.DictionaryKeyPolicy = EventJson.Options.DictionaryKeyPolicy;
                json.PropertyNameCaseInsensitive = true;
            });

            if (options.Transport == EventTransports.Postgres)
            {
                opts.UsePostgresqlPersistenceAndTransport(store, schema, transportSchema: "wolverine_queues").AutoProvision();
            }
            else
            {
                opts.PersistMessagesWithPostgresql(store, schema);
            }
            opts.AutoBuildMessageStorageOnStartup = AutoCreate.CreateOrUpdate;
            opts.UseEntityFrameworkCoreTransactions();
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableInboxOnAllListeners();
            opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
            opts.Policies.Add(new EventRetryPolicy(options));
            opts.Durability.ScheduledJobPollingTime = options.RecoveryInterval;
            if (options.NodeTimeout is { } nodeTimeout)
            {
                opts.Durability.StaleNodeTimeout = nodeTimeout;
                opts.Durability.HealthCheckPollingTime = nodeTimeout / 4;
                opts.Durability.NodeReassignmentPollingTime = nodeTimeout / 4;
            }

            var transport = EventTransport.For(options, builder.Configuration);
            foreach (var eventType in EventTopic.AllEventTypes)
            {
                transport.Publish(opts, eventType, options.Namespace + EventTopic.Of(eventType));
            }
            foreach (var eventType in subscriptions.EventTypes())
            {
                transport.Listen(opts, serviceName, options.Namespace + EventTopic.Of(eventType), options.ListenerParallelism);
            }
        });
        return builder;
    }

    /// <summary>Wolverine's tables of one service live in their own schema, so services sharing a database never collide.</summary>
    public static string StoreSchema(string serviceName) => "wolverine_" + serviceName.Replace('-', '_').ToLowerInvariant();
}

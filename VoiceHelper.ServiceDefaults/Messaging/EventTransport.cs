using Microsoft.Extensions.Configuration;
using Wolverine;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>How one transport maps topics: a publisher routes each event type to its topic, a service listens on its own subscription.</summary>
internal abstract class EventTransport
{
    public abstract void Publish(WolverineOptions opts, Type eventType, string topic);

    /// <summary>One subscription per (service, topic): every service gets every event; instances of one service share it.</summary>
    public abstract void Listen(WolverineOptions opts, string serviceName, string topic, int parallelism);

    public static EventTransport For(EventBusOptions options, IConfiguration configuration) => options.Transport switch
    {
        EventTransports.RabbitMq => new RabbitMqEventTransport(Require(configuration, EventTransports.RabbitMqConnection)),
        EventTransports.Kafka => new KafkaEventTransport(Require(configuration, EventTransports.KafkaConnection)),
        _ => new PostgresEventTransport(),
    };

    /// <summary>Partition key and tenant travel as envelope headers, so a consumer, a dead letter and Kafka all know them.</summary>
    protected static void Stamp(Envelope envelope)
    {
        if (envelope.Message is VoiceHelper.Contracts.Events.IIntegrationEvent @event)
        {
            envelope.PartitionKey = EventTopic.PartitionKey(@event);
            envelope.TenantId = @event.TenantId.ToString();
        }
    }

    private static string Require(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not set; EventBus:Transport needs it.");
}

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>Values of <c>EventBus:Transport</c>.</summary>
public static class EventTransports
{
    public const string RabbitMq = "rabbitmq";
    public const string Kafka = "kafka";
    public const string Postgres = "postgres";

    /// <summary>Connection name of the RabbitMQ broker (an amqp URI).</summary>
    public const string RabbitMqConnection = "messaging";

    /// <summary>Connection name of the Kafka bootstrap servers.</summary>
    public const string KafkaConnection = "kafka";
}

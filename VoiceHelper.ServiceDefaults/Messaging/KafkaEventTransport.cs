using Confluent.Kafka;
using Wolverine;
using Wolverine.Kafka;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>
/// A Kafka topic per event topic, keyed by tenant + user (one user's events in one partition, in order), and a
/// consumer group per service. Topics are created by the broker on first produce rather than by AutoProvision.
/// </summary>
internal sealed class KafkaEventTransport(string bootstrapServers) : EventTransport
{
    private bool _configured;
    private readonly HashSet<string> _groups = [];

    private void Configure(WolverineOptions opts, string? group = null)
    {
        if (!_configured)
        {
            opts.UseKafka(bootstrapServers).ConfigureConsumers(consumer =>
            {
                consumer.AutoOffsetReset = AutoOffsetReset.Earliest;
                consumer.EnableAutoCommit = false;
            });
            _configured = true;
        }
        if (group is not null && _groups.Add(group))
        {
            opts.UseKafka(bootstrapServers).ConfigureConsumers(consumer => consumer.GroupId = group);
        }
    }

    public override void Publish(WolverineOptions opts, Type eventType, string topic)
    {
        Configure(opts);
        opts.PublishMessage(eventType).ToKafkaTopic(topic).CustomizeOutgoing(Stamp);
    }

    public override void Listen(WolverineOptions opts, string serviceName, string topic, int parallelism)
    {
        Configure(opts, serviceName);
        opts.ListenToKafkaTopic(topic);
    }
}

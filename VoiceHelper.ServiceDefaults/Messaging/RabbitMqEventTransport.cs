using Wolverine;
using Wolverine.RabbitMQ;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>A fanout exchange per topic, and one durable queue per (service, topic) bound to it.</summary>
internal sealed class RabbitMqEventTransport(string uri) : EventTransport
{
    private bool _configured;

    private void Configure(WolverineOptions opts)
    {
        if (_configured)
        {
            return;
        }
        // Dead letters go to the service's own database (wolverine_dead_letters), where the admin endpoint lists and replays them.
        opts.UseRabbitMq(new Uri(uri)).AutoProvision().DisableDeadLetterQueueing();
        _configured = true;
    }

    public override void Publish(WolverineOptions opts, Type eventType, string topic)
    {
        Configure(opts);
        opts.PublishMessage(eventType).ToRabbitExchange(topic, exchange => exchange.ExchangeType = ExchangeType.Fanout)
            .CustomizeOutgoing(Stamp);
    }

    public override void Listen(WolverineOptions opts, string serviceName, string topic, int parallelism)
    {
        Configure(opts);
        opts.ListenToRabbitQueue($"{serviceName}.{topic}", queue => queue.BindExchange(topic))
            .MaximumParallelMessages(parallelism);
    }
}

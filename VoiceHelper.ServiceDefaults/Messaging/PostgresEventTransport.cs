using Wolverine;
using Wolverine.Postgresql;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>
/// Wolverine's PostgreSQL queues live in the message store's own database, so this transport connects only processes
/// that share one database (the benchmark, a single-database deployment); a queue per topic, no fan-out.
/// </summary>
internal sealed class PostgresEventTransport : EventTransport
{
    public override void Publish(WolverineOptions opts, Type eventType, string topic) =>
        opts.PublishMessage(eventType).ToPostgresqlQueue(Queue(topic)).CustomizeOutgoing(Stamp);

    public override void Listen(WolverineOptions opts, string serviceName, string topic, int parallelism) =>
        opts.ListenToPostgresqlQueue(Queue(topic)).MaximumParallelMessages(parallelism);

    private static string Queue(string topic) => topic.Replace('.', '_');
}

using VoiceHelper.AppHost.RabbitMq;

namespace VoiceHelper.AppHost.Services;

/// <summary>
/// The transport of events between services (<c>EventBus:Transport</c>): RabbitMQ on one machine (measured faster
/// than the PostgreSQL transport, and each service keeps its outbox in its own database), Kafka in a cluster, where
/// the bootstrap servers are a deployment parameter (<c>ConnectionStrings__kafka</c>). Same handlers either way.
/// </summary>
public static class EventBusExtensions
{
    public const string BrokerName = "messaging";
    public const string KafkaName = "kafka";

    public static IResourceBuilder<IResourceWithConnectionString> AddEventBroker(this IDistributedApplicationBuilder builder) =>
        builder.ExecutionContext.IsPublishMode
            ? builder.AddConnectionString(KafkaName)
            : builder.AddRabbitMqExecutable(BrokerName);

    public static IResourceBuilder<ProjectResource> WithEventBus(this IResourceBuilder<ProjectResource> project, IResourceBuilder<IResourceWithConnectionString> broker) =>
        project.ApplicationBuilder.ExecutionContext.IsPublishMode
            ? project.WithReference(broker).WithEnvironment("EventBus__Transport", "kafka")
            : project.WithReference(broker).WaitFor(broker).WithEnvironment("EventBus__Transport", "rabbitmq");
}

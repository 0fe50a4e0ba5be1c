using VoiceHelper.AppHost.Local;

namespace VoiceHelper.AppHost.Services;

/// <summary>What every VoiceHelper service and worker gets from the app model.</summary>
public static class ServiceExtensions
{
    public const string EndpointName = "http";
    public const string KafkaConnectionName = "kafka";

    /// <summary>
    /// A project with one HTTP endpoint and its <c>/health</c> as Aspire's health check. Run here, it finds the native
    /// speech libraries setup put in .tools/; published, its events go through Kafka (the connection string is a
    /// deployment parameter), the cluster's transport.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var project = builder.AddProject<TProject>(name)
            .WithHttpEndpoint(name: EndpointName)
            .WithHttpHealthCheck("/health");
        if (builder.ExecutionContext.IsPublishMode)
        {
            var kafka = builder.Resources.OfType<IResourceWithConnectionString>().FirstOrDefault(r => r.Name == KafkaConnectionName) is { } existing
                ? builder.CreateResourceBuilder(existing)
                : builder.AddConnectionString(KafkaConnectionName);
            return project.WithEnvironment("EventBus__Transport", "kafka").WithReference(kafka);
        }
        return project.WithEnvironment("VOICEHELPER_TOOLS_DIR", builder.ToolsDirectory());
    }
}

using VoiceHelper.AppHost.Local;

namespace VoiceHelper.AppHost.Services;

/// <summary>What every VoiceHelper service and worker gets from the app model.</summary>
public static class ServiceExtensions
{
    public const string EndpointName = "http";

    /// <summary>
    /// A project with one HTTP endpoint and its <c>/health</c> as Aspire's health check; run here, it finds the native
    /// speech libraries setup put in .tools/.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var project = builder.AddProject<TProject>(name)
            .WithHttpEndpoint(name: EndpointName)
            .WithHttpHealthCheck("/health");
        return builder.ExecutionContext.IsPublishMode
            ? project
            : project.WithEnvironment("VOICEHELPER_TOOLS_DIR", builder.ToolsDirectory());
    }
}

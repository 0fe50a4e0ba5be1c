using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceHelper.AppHost.Local;

namespace VoiceHelper.AppHost.Gateway;

/// <summary>
/// nginx as the only public entry: the Debian server on <c>VOICEHELPER_GATEWAY_PORT</c> (8080) when run here, the
/// nginx image with the generated deploy/nginx/nginx.conf when published.
/// </summary>
public static class NginxGatewayExtensions
{
    public const string Image = "library/nginx";
    public const string ImageTag = "1.22";
    public const string EndpointName = "http";
    public const int ContainerPort = 8080;

    /// <summary>Where the published gateway's configuration is written, relative to the repository root.</summary>
    public const string ClusterConfigPath = "deploy/nginx/nginx.conf";
    private const string ConfigMountPath = "/etc/nginx/voicehelper/nginx.conf";

    public static IResourceBuilder<IGatewayResource> AddNginxGateway(this IDistributedApplicationBuilder builder, string name)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder.AddResource(new NginxGatewayContainerResource(name))
                .WithImage(Image, ImageTag)
                .WithHttpEndpoint(targetPort: ContainerPort, name: EndpointName)
                .WithExternalHttpEndpoints()
                .WithBindMount(Path.Combine(builder.RepositoryRoot(), ClusterConfigPath), ConfigMountPath, isReadOnly: true)
                .WithArgs("nginx", "-c", ConfigMountPath);
        }

        SingleInstance.Claim(builder);
        var folder = Path.Combine(builder.DataDirectory(), name);
        // nginx workers run as an unprivileged user when the master is root: their temp folders must be writable.
        foreach (var sub in new[] { "", "temp", "logs" })
        {
            var path = Path.Combine(folder, sub);
            Directory.CreateDirectory(path);
            File.SetUnixFileMode(path, (UnixFileMode)0x1FF);
        }
        var port = builder.GatewayPort();
        var config = Path.Combine(folder, "nginx.conf");
        var gateway = new NginxGatewayResource(name, folder);
        return builder.AddResource(gateway)
            // Not proxied: the public port is nginx's own, so nothing but nginx answers there and it closes with it.
            .WithHttpEndpoint(port: port, targetPort: port, name: EndpointName, isProxied: false)
            .WithArgs("-p", folder, "-c", config, "-e", "stderr")
            .WithHttpHealthCheck("/gateway/health")
            .OnBeforeResourceStarted(async (resource, _, ct) =>
                await File.WriteAllTextAsync(config, LocalConfig(resource, folder, port), ct))
            .OnResourceReady((resource, ready, _) =>
            {
                ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("VoiceHelper")
                    .LogInformation("VoiceHelper is ready at http://127.0.0.1:{Port} (Ctrl+C stops everything)", port);
                return Task.CompletedTask;
            });
    }

    /// <summary>Routes a public path to a project; the gateway waits for it and knows it by name.</summary>
    public static IResourceBuilder<IGatewayResource> WithRoute(this IResourceBuilder<IGatewayResource> gateway, string path,
        IResourceBuilder<ProjectResource> target, bool exact = false, string maxBodySize = NginxConfig.DefaultMaxBodySize,
        bool webSocket = false, bool perIpLimit = false)
    {
        gateway.WithAnnotation(new GatewayRouteAnnotation(path, target.Resource, exact, maxBodySize, webSocket, perIpLimit));
        return gateway.Upstream(target);
    }

    /// <summary>
    /// The dead-letter admin API under <c>/api/v1/admin/events/{name}/</c> of the projects that consume events (only
    /// they map it); a project reached by no other route becomes an upstream here, which also gives it <c>/health/{name}</c>.
    /// </summary>
    public static IResourceBuilder<IGatewayResource> WithEventAdminRoutes(this IResourceBuilder<IGatewayResource> gateway,
        params IResourceBuilder<ProjectResource>[] targets)
    {
        foreach (var target in targets)
        {
            gateway.WithRoute($"/api/v1/admin/events/{target.Resource.Name}/", target);
        }
        return gateway;
    }

    private static IResourceBuilder<IGatewayResource> Upstream(this IResourceBuilder<IGatewayResource> gateway, IResourceBuilder<ProjectResource> target)
    {
        if (gateway.Resource.Annotations.OfType<ResourceRelationshipAnnotation>().Any(r => r.Resource == target.Resource))
        {
            return gateway;
        }
        return gateway.WithReference(target).WaitFor(target);
    }

    public static IReadOnlyList<GatewayRouteAnnotation> Routes(this IGatewayResource gateway) =>
        gateway.Annotations.OfType<GatewayRouteAnnotation>().ToList();

    /// <summary>Every project behind the gateway, by name.</summary>
    public static IReadOnlyList<IResourceWithEndpoints> Upstreams(this IGatewayResource gateway) =>
        gateway.Routes().Select(r => r.Target).DistinctBy(t => t.Name).ToList();

    /// <summary>The cluster form: upstreams are the services' DNS names on the container port.</summary>
    public static string ClusterConfig(this IGatewayResource gateway, int servicePort) =>
        NginxConfig.Render(gateway.Routes(),
            gateway.Upstreams().ToDictionary(t => t.Name, t => $"{t.Name}:{servicePort}"),
            ContainerPort.ToString(CultureInfo.InvariantCulture), tempDirectory: null, pidFile: "/tmp/nginx.pid");

    private static string LocalConfig(IGatewayResource gateway, string folder, int port) =>
        NginxConfig.Render(gateway.Routes(),
            gateway.Upstreams().ToDictionary(t => t.Name, t => $"127.0.0.1:{t.GetEndpoint(EndpointName).Port}"),
            $"127.0.0.1:{port}", Path.Combine(folder, "temp"), Path.Combine(folder, "nginx.pid"));
}

namespace VoiceHelper.AppHost.Hosting;

/// <summary>A .NET service or worker: run from its build output locally, a Deployment when published.</summary>
public sealed class ProjectResource : Resource
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };

    public ProjectResource(string name, IProjectMetadata metadata) : base(name)
    {
        Metadata = metadata;
        Http = new Endpoint("http", 8080);
    }

    public IProjectMetadata Metadata { get; }

    /// <summary>Stateless services scale horizontally in a cluster (HorizontalPodAutoscaler).</summary>
    public bool Autoscale { get; set; } = true;

    public override Task<LaunchSpec> PrepareAsync(AppModel model, CancellationToken cancellationToken)
    {
        if (!File.Exists(Metadata.TargetPath))
        {
            throw new InvalidOperationException($"{Metadata.TargetPath} is missing: build the solution first (dotnet build).");
        }
        var environment = new Dictionary<string, string>(Environment, StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = Http!.Url,
            ["OTEL_SERVICE_NAME"] = Name,
            ["DOTNET_NOLOGO"] = "1",
            // In a container image the native libraries sit at a fixed place; locally they are where setup put them.
            ["VOICEHELPER_TOOLS_DIR"] = model.ToolsDirectory,
        };
        foreach (var (key, value) in model.LocalReferenceEnvironment(this))
        {
            environment[key] = value;
        }
        return Task.FromResult(new LaunchSpec("dotnet", [Metadata.TargetPath], Path.GetDirectoryName(Metadata.ProjectPath)!, environment));
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Probe.GetAsync(new Uri($"{Http!.Url}/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}

namespace VoiceHelper.AppHost.Hosting;

/// <summary>Collects the app model; the method names follow Aspire.Hosting so the move to Aspire is a package change.</summary>
public sealed class DistributedApplicationBuilder
{
    internal DistributedApplicationBuilder(AppHostOptions options)
    {
        Options = options;
        Model = new AppModel(options.DataDirectory,
            Environment.GetEnvironmentVariable("VOICEHELPER_TOOLS_DIR") ?? Path.Combine(options.RepositoryRoot, ".tools"));
    }

    public AppHostOptions Options { get; }
    public AppModel Model { get; }

    /// <summary>A secret parameter; generated locally (by <paramref name="generate"/> or as a random password) and kept in the data folder.</summary>
    public ResourceBuilder<ParameterResource> AddParameter(string name, Func<string>? generate = null) =>
        AddResource(new ParameterResource(name, Options.DataDirectory, generate));

    public ResourceBuilder<PostgresServerResource> AddPostgres(string name)
    {
        var password = AddParameter($"{name}-password").Resource;
        return AddResource(new PostgresServerResource(name, password, Options.DataDirectory));
    }

    public ResourceBuilder<RedisResource> AddRedis(string name)
    {
        var password = AddParameter($"{name}-password").Resource;
        return AddResource(new RedisResource(name, password, Options.DataDirectory));
    }

    public ResourceBuilder<ProjectResource> AddProject<TProject>(string name) where TProject : IProjectMetadata, new() =>
        AddResource(new ProjectResource(name, new TProject()));

    public ResourceBuilder<NginxGatewayResource> AddNginxGateway(string name) =>
        AddResource(new NginxGatewayResource(name, Options.GatewayPort, Options.DataDirectory));

    public DistributedApplication Build() => new(Model, Options);

    internal ResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (Model.Resources.Any(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists.");
        }
        Model.Resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }
}

namespace VoiceHelper.AppHost.Hosting;

/// <summary>Fluent configuration of one resource, named as in Aspire.Hosting.</summary>
public sealed class ResourceBuilder<T>(T resource, DistributedApplicationBuilder app) where T : IResource
{
    public T Resource { get; } = resource;

    /// <summary>Injects the reference as <c>ConnectionStrings__{name}</c> or <c>services__{name}__http__0</c>.</summary>
    public ResourceBuilder<T> WithReference<TOther>(ResourceBuilder<TOther> other) where TOther : IResource
    {
        AsRunnable().References.Add(other.Resource);
        return this;
    }

    /// <summary>Starts this resource only after <paramref name="other"/> reports healthy.</summary>
    public ResourceBuilder<T> WaitFor<TOther>(ResourceBuilder<TOther> other) where TOther : IResource
    {
        AsRunnable().WaitsFor.Add(AppModel.RunnableOf(other.Resource)
            ?? throw new InvalidOperationException($"{other.Resource.Name} cannot be waited for."));
        return this;
    }

    public ResourceBuilder<T> WithEnvironment(string name, string value)
    {
        AsRunnable().Environment[name] = value;
        return this;
    }

    public ResourceBuilder<T> WithEnvironment(string name, ResourceBuilder<ParameterResource> parameter)
    {
        AsRunnable().SecretEnvironment[name] = parameter.Resource;
        return this;
    }

    public ResourceBuilder<T> WithReplicas(int replicas)
    {
        AsRunnable().Replicas = replicas;
        return this;
    }

    public ResourceBuilder<PostgresDatabaseResource> AddDatabase(string name)
    {
        var server = Resource as PostgresServerResource ?? throw new InvalidOperationException("AddDatabase needs a PostgreSQL server.");
        var database = new PostgresDatabaseResource(name, server);
        server.Databases.Add(database);
        return app.AddResource(database);
    }

    /// <summary>Routes a public path prefix of the gateway to a project.</summary>
    public ResourceBuilder<T> WithRoute(string path, ResourceBuilder<ProjectResource> target, bool exact = false)
    {
        var gateway = Resource as NginxGatewayResource ?? throw new InvalidOperationException("WithRoute needs a gateway.");
        gateway.Routes.Add(new GatewayRoute(path, target.Resource, exact));
        if (!gateway.WaitsFor.Contains(target.Resource))
        {
            gateway.WaitsFor.Add(target.Resource);
        }
        return this;
    }

    /// <summary>Exposes only <c>/health/{name}</c> of a project that has no public API (a worker).</summary>
    public ResourceBuilder<T> WithHealthRoute(ResourceBuilder<ProjectResource> target)
    {
        var gateway = Resource as NginxGatewayResource ?? throw new InvalidOperationException("WithHealthRoute needs a gateway.");
        gateway.HealthOnly.Add(target.Resource);
        gateway.WaitsFor.Add(target.Resource);
        return this;
    }

    /// <summary>Keeps the project out of the autoscaler (it holds state or must run once).</summary>
    public ResourceBuilder<T> WithoutAutoscaling()
    {
        (Resource as ProjectResource ?? throw new InvalidOperationException("Only projects autoscale.")).Autoscale = false;
        return this;
    }

    private Resource AsRunnable() => Resource as Resource
        ?? throw new InvalidOperationException($"{Resource.Name} is not a runnable resource.");
}

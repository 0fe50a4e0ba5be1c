namespace VoiceHelper.AppHost.Hosting;

/// <summary>A resource that runs as a child process locally and as a container or pod when published.</summary>
public abstract class Resource(string name) : IResource
{
    public string Name { get; } = name;

    public List<IResource> References { get; } = [];
    public List<Resource> WaitsFor { get; } = [];
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Variables whose value is a secret parameter (a Kubernetes Secret reference when published).</summary>
    public Dictionary<string, ParameterResource> SecretEnvironment { get; } = new(StringComparer.Ordinal);
    public Endpoint? Http { get; protected set; }

    /// <summary>Replicas in a cluster (locally one process).</summary>
    public int Replicas { get; set; } = 1;

    /// <summary>Writes files the process needs and returns how to start it.</summary>
    public abstract Task<LaunchSpec> PrepareAsync(AppModel model, CancellationToken cancellationToken);

    /// <summary>True once the resource serves requests.</summary>
    public abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    /// <summary>Runs once after the first healthy check (create databases, ...).</summary>
    public virtual Task OnReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The signal that asks the process for a clean, fast shutdown.</summary>
    public virtual int StopSignal => UnixSignals.SIGTERM;
}

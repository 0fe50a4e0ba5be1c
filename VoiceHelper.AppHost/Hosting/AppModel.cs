namespace VoiceHelper.AppHost.Hosting;

/// <summary>The resources of the application and how they reference each other.</summary>
public sealed class AppModel(string dataDirectory, string toolsDirectory)
{
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Where scripts/setup.sh put the native speech libraries and models from npm (local profile only).</summary>
    public string ToolsDirectory { get; } = toolsDirectory;
    public List<IResource> Resources { get; } = [];

    public IEnumerable<Resource> Runnable => Resources.OfType<Resource>();

    /// <summary>The variables Aspire injects for references: connection strings and service endpoints.</summary>
    public IEnumerable<KeyValuePair<string, string>> LocalReferenceEnvironment(Resource resource)
    {
        foreach (var (name, parameter) in resource.SecretEnvironment)
        {
            yield return new(name, parameter.Value);
        }
        foreach (var reference in resource.References)
        {
            switch (reference)
            {
                case IResourceWithConnectionString withConnection:
                    yield return new($"ConnectionStrings__{reference.Name}", withConnection.LocalConnectionString);
                    break;
                case ProjectResource project:
                    yield return new($"services__{project.Name}__http__0", project.Http!.Url);
                    break;
            }
        }
    }

    /// <summary>The resource a reference must wait for before it is usable (a database waits for its server).</summary>
    public static Resource? RunnableOf(IResource resource) => resource switch
    {
        PostgresDatabaseResource database => database.Server,
        Resource runnable => runnable,
        _ => null,
    };
}

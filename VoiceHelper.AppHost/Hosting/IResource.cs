namespace VoiceHelper.AppHost.Hosting;

/// <summary>Anything in the app model: a server, a database, a project, a parameter.</summary>
public interface IResource
{
    string Name { get; }
}

/// <summary>A resource other resources can reference by connection string (<c>ConnectionStrings__{name}</c>).</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string for a locally running instance.</summary>
    string LocalConnectionString { get; }

    /// <summary>The connection string as an Aspire manifest expression.</summary>
    string ManifestConnectionExpression { get; }
}

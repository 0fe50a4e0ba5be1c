namespace VoiceHelper.AppHost.Postgres;

/// <summary>The PostgreSQL server, whether it runs here as the Debian executable or is published as a container.</summary>
public interface IPostgresServer : IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    ParameterResource Password { get; }

    /// <summary>The databases created on the server (once, when it is first ready; by an init script in a cluster).</summary>
    List<PostgresDatabaseResource> Databases { get; }
}

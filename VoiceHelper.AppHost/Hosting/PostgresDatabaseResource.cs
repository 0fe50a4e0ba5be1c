namespace VoiceHelper.AppHost.Hosting;

/// <summary>One database on a PostgreSQL server; services reference it by name.</summary>
public sealed class PostgresDatabaseResource(string name, PostgresServerResource server) : IResourceWithConnectionString
{
    public string Name { get; } = name;
    public string DatabaseName { get; } = name;
    public PostgresServerResource Server { get; } = server;

    public string LocalConnectionString => $"{Server.LocalConnectionString};Database={DatabaseName}";
    public string ManifestConnectionExpression => $"{{{Server.Name}.connectionString}};Database={DatabaseName}";
}

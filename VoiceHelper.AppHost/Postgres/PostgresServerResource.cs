namespace VoiceHelper.AppHost.Postgres;

/// <summary>PostgreSQL from the Debian package, run by DCP as an executable (there is no Docker here).</summary>
public sealed class PostgresServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IPostgresServer
{
    public ParameterResource Password { get; } = password;
    public List<PostgresDatabaseResource> Databases { get; } = [];
    public EndpointReference Tcp => new(this, PostgresExtensions.EndpointName);
    public ReferenceExpression ConnectionStringExpression => PostgresExtensions.ConnectionString(Tcp, Password);
}

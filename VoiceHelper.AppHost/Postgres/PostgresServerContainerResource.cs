namespace VoiceHelper.AppHost.Postgres;

/// <summary>PostgreSQL with pgvector as a container, the published form of <see cref="PostgresServerResource"/>.</summary>
public sealed class PostgresServerContainerResource(string name, ParameterResource password) : ContainerResource(name), IPostgresServer
{
    public ParameterResource Password { get; } = password;
    public List<PostgresDatabaseResource> Databases { get; } = [];
    public EndpointReference Tcp => new(this, PostgresExtensions.EndpointName);
    public ReferenceExpression ConnectionStringExpression => PostgresExtensions.ConnectionString(Tcp, Password);
}

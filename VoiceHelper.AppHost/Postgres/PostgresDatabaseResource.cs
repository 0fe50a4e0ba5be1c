namespace VoiceHelper.AppHost.Postgres;

/// <summary>One database on the server; a service referencing it gets <c>ConnectionStrings__{name}</c>.</summary>
public sealed class PostgresDatabaseResource(string name, IPostgresServer server)
    : Resource(name), IResourceWithParent<IPostgresServer>, IResourceWithConnectionString
{
    public IPostgresServer Parent { get; } = server;
    public string DatabaseName => Name;
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}

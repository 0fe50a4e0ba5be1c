namespace VoiceHelper.AppHost.Redis;

/// <summary>Redis from the Debian package, run by DCP as an executable.</summary>
public sealed class RedisServerResource(string name, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, "redis-server", workingDirectory), IRedisServer
{
    public ParameterResource Password { get; } = password;
    public EndpointReference Tcp => new(this, RedisExtensions.EndpointName);
    public ReferenceExpression ConnectionStringExpression => RedisExtensions.ConnectionString(Tcp, Password);
}

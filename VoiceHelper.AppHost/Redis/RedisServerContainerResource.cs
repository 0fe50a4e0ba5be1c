namespace VoiceHelper.AppHost.Redis;

/// <summary>Redis as a container, the published form of <see cref="RedisServerResource"/>.</summary>
public sealed class RedisServerContainerResource(string name, ParameterResource password) : ContainerResource(name), IRedisServer
{
    public ParameterResource Password { get; } = password;
    public EndpointReference Tcp => new(this, RedisExtensions.EndpointName);
    public ReferenceExpression ConnectionStringExpression => RedisExtensions.ConnectionString(Tcp, Password);
}

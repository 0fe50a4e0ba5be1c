namespace VoiceHelper.AppHost.Redis;

/// <summary>The Redis server, whether it runs here as the Debian executable or is published as a container.</summary>
public interface IRedisServer : IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    ParameterResource Password { get; }
}

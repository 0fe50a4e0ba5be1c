namespace VoiceHelper.AppHost.Gateway;

/// <summary>The public gateway, whether nginx runs here as the Debian executable or is published as a container.</summary>
public interface IGatewayResource : IResourceWithEndpoints, IResourceWithWaitSupport, IResourceWithEnvironment;

namespace VoiceHelper.AppHost.Gateway;

/// <summary>nginx as a container, the published form of <see cref="NginxGatewayResource"/> (configuration in deploy/nginx).</summary>
public sealed class NginxGatewayContainerResource(string name) : ContainerResource(name), IGatewayResource;

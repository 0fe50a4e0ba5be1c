namespace VoiceHelper.AppHost.Gateway;

/// <summary>nginx from the Debian package, run unprivileged by DCP with its configuration generated from the routes.</summary>
public sealed class NginxGatewayResource(string name, string workingDirectory)
    : ExecutableResource(name, "nginx", workingDirectory), IGatewayResource;

namespace VoiceHelper.AppHost.Hosting;

/// <summary>A public path prefix and the service behind it; Exact routes one path only.</summary>
public sealed record GatewayRoute(string Path, ProjectResource Target, bool Exact = false);

namespace VoiceHelper.AppHost.Gateway;

/// <summary>
/// A public path and the project behind it. <paramref name="Path"/> is a prefix, one exact path, or (starting with
/// <c>~ </c>) an nginx regular expression. <paramref name="MaxBodySize"/> equals the service's own limit for that
/// path, so the gateway refuses an oversized body (413) before the service could close on it half-read.
/// </summary>
public sealed record GatewayRouteAnnotation(
    string Path,
    IResourceWithEndpoints Target,
    bool Exact = false,
    string MaxBodySize = NginxConfig.DefaultMaxBodySize,
    bool WebSocket = false,
    bool PerIpLimit = false) : IResourceAnnotation;

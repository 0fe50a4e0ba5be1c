using Microsoft.Extensions.Configuration;

namespace VoiceHelper.ServiceDefaults.Discovery;

/// <summary>
/// Resolves <c>http://identity/...</c> to the address in <c>services:identity:http:0</c> (set by the AppHost as
/// <c>services__identity__http__0</c>, or by Kubernetes DNS when unset), the convention of
/// Microsoft.Extensions.ServiceDiscovery, which does not restore here.
/// </summary>
internal sealed class ServiceDiscoveryHandler(IConfiguration configuration) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && Resolve(configuration, uri) is { } resolved)
        {
            request.RequestUri = resolved;
        }
        return base.SendAsync(request, cancellationToken);
    }

    internal static Uri? Resolve(IConfiguration configuration, Uri uri)
    {
        if (!uri.IsAbsoluteUri || uri.Host.Contains('.', StringComparison.Ordinal) || uri.IsLoopback)
        {
            return null;
        }
        var endpoint = configuration[$"services:{uri.Host}:{uri.Scheme}:0"];
        if (string.IsNullOrEmpty(endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var target))
        {
            return null;
        }
        return new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
    }
}

using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

using VoiceHelper.ServiceDefaults.Endpoints;

namespace VoiceHelper.ServiceDefaults;

public static class EndpointDiscovery
{
    /// <summary>Maps every <see cref="IEndpoint"/> of the entry assembly (or the given one), so slices are never listed by hand.</summary>
    public static IEndpointRouteBuilder MapFeatureEndpoints(this WebApplication app, Assembly? assembly = null)
    {
        // The application name is the service's assembly, also under WebApplicationFactory (where the entry assembly is the test host).
        assembly ??= Assembly.Load(app.Environment.ApplicationName);
        var endpoints = assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IEndpoint).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IEndpoint)Activator.CreateInstance(t)!);
        foreach (var endpoint in endpoints)
        {
            endpoint.Map(app);
        }
        return app;
    }
}

using Microsoft.AspNetCore.Routing;

namespace VoiceHelper.ServiceDefaults.Endpoints;

/// <summary>One slice's HTTP surface. Implementations are discovered by <c>MapFeatureEndpoints()</c>.</summary>
public interface IEndpoint
{
    void Map(IEndpointRouteBuilder routes);
}

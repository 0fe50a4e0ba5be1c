using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;

namespace VoiceHelper.Identity.GetOpenIdConfiguration;

public sealed class GetOpenIdConfigurationEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/.well-known/openid-configuration", async (HttpContext http, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOpenIdConfigurationRequest(
                    new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/")), ct)))
            .WithName("GetOpenIdConfiguration")
            .WithTags("Keys")
            .WithSummary("Where the token issuer's keys are published (OpenID Connect Discovery), for services that validate tokens.")
            .AllowAnonymous();
}

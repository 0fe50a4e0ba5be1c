using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;

namespace VoiceHelper.Identity.GetJwks;

public sealed class GetJwksEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/.well-known/jwks.json", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetJwksRequest(), ct)))
            .WithName("GetJwks")
            .WithTags("Keys")
            .WithSummary("The public keys that verify VoiceHelper access tokens (RFC 7517).")
            .AllowAnonymous();
}

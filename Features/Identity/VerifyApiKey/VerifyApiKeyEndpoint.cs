using MediatR;
using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.VerifyApiKey;

/// <summary>
/// Service to service: how every other service turns a presented API key into claims (ServiceDefaults' API-key scheme).
/// The gateway routes nothing under <c>/internal/</c>; the endpoint is anonymous because the secret itself is the
/// credential, and 256 random bits cannot be guessed through it.
/// </summary>
public sealed class VerifyApiKeyEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/internal/api-keys/verify", async (ApiKeyVerifyRequest body, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new VerifyApiKeyRequest(body.Key), ct)).ToHttpResult())
            .WithName("VerifyApiKey")
            .WithTags("Internal")
            .AllowAnonymous()
            .ExcludeFromDescription();
}

using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.GetUser;

public sealed class GetUserEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/users/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetUserRequest(id), ct)).ToHttpResult())
            .WithName("GetUser")
            .WithTags("Users")
            .WithSummary("A user of the caller's tenant (owner or admin).")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.ListAbTests;

public sealed class ListAbTestsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/ab-tests", async (IMediator mediator, CancellationToken ct, int? page, int? page_size) =>
                (await mediator.Send(new ListAbTestsRequest(page ?? 1, page_size ?? IPageRequest.DefaultPageSize), ct)).ToHttpResult())
            .WithName("ListAbTests")
            .WithTags("A/B tests")
            .WithSummary("The tenant's A/B tests, newest first.")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

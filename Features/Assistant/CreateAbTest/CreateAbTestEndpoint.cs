using MediatR;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.CreateAbTest;

public sealed class CreateAbTestEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/ab-tests", async (CreateAbTestRequest request, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request, ct)).ToHttpResult(t => TypedResults.Created($"/api/v1/ab-tests/{t.Id}", t)))
            .WithName("CreateAbTest")
            .WithTags("A/B tests")
            .WithSummary("Creates an A/B test (draft) of weighted variants, each a model and/or an extra prompt instruction.")
            .RequireAuthorization(Policies.TenantAdmin)
            .Produces<AbTestView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

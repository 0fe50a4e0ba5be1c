using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.GetCurrentBudget;

public sealed class GetCurrentBudgetEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/budgets/current", async (IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetCurrentBudgetRequest(), ct)).ToHttpResult())
            .WithName("GetCurrentBudget")
            .WithTags("Budgets")
            .WithSummary("The tenant's budget for the current month: spent, remaining, and whether the soft or hard limit is reached.")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}

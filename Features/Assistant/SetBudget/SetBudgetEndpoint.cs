using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.SetBudget;

public sealed class SetBudgetEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/api/v1/budgets/current", async (SetBudgetRequest request, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request, ct)).ToHttpResult())
            .WithName("SetBudget")
            .WithTags("Budgets")
            .WithSummary("Sets the tenant's monthly model budget (USD) and its soft limit.")
            .RequireAuthorization(Policies.TenantAdmin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

using MediatR;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Knowledge.CreateKnowledgeBase;

public sealed class CreateKnowledgeBaseEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/knowledge/bases", async (CreateKnowledgeBaseRequest request, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request, ct)).ToHttpResult(kb => TypedResults.Created($"/api/v1/knowledge/bases/{kb.Id}", kb)))
            .WithName("CreateKnowledgeBase")
            .WithTags("Knowledge bases")
            .WithSummary("Creates a knowledge base in the caller's tenant.")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}

using MediatR;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Knowledge.GetKnowledgeBase;

public sealed class GetKnowledgeBaseEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/knowledge/bases/{kb_id:guid}", async (Guid kb_id, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new GetKnowledgeBaseRequest(kb_id), ct)).ToHttpResult())
            .WithName("GetKnowledgeBase")
            .WithTags("Knowledge bases")
            .WithSummary("Gets one knowledge base with its settings.")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

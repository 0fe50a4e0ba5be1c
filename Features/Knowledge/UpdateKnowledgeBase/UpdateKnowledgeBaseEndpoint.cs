using MediatR;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Knowledge.UpdateKnowledgeBase;

public sealed class UpdateKnowledgeBaseEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPatch("/api/v1/knowledge/bases/{kb_id:guid}", async (Guid kb_id, UpdateKnowledgeBaseRequest request, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request with { Id = kb_id }, ct)).ToHttpResult())
            .WithName("UpdateKnowledgeBase")
            .WithTags("Knowledge bases")
            .WithSummary("Changes a knowledge base's name, description, language or chunk settings (for later uploads).")
            .RequireAuthorization(Policies.Authenticated)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

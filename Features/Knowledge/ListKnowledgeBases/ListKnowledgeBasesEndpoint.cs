using MediatR;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Knowledge.ListKnowledgeBases;

public sealed class ListKnowledgeBasesEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/knowledge/bases", async (IMediator mediator, CancellationToken ct, int page = 1,
                    int page_size = IPageRequest.DefaultPageSize) =>
                (await mediator.Send(new ListKnowledgeBasesRequest(page, page_size), ct)).ToHttpResult())
            .WithName("ListKnowledgeBases")
            .WithTags("Knowledge bases")
            .WithSummary("Lists the caller's knowledge bases, newest first.")
            .RequireAuthorization(Policies.KnowledgeRead)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}

using MediatR;
using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Knowledge.SearchKnowledge;

public sealed class SearchKnowledgeEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/knowledge/search", async (SearchKnowledgeRequest request, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request, ct)).ToHttpResult())
            .WithName("SearchKnowledge")
            .WithTags("Search")
            .WithSummary("Ranks chunks of the caller's knowledge bases by hybrid (RRF of vector and BM25), vector or keyword retrieval.")
            .WithDescription("Stable contract used by the Assistant. kb_ids empty searches every knowledge base of the tenant; "
                + "metadata filters by JSON containment on the document's metadata. Each result carries chunk_id, document_id, document_title, "
                + "heading_path, page, position (the chunk's 0-based place in its document), text, rank, score and the per-signal {rank, score} of vector and keyword. When the vector signal fails, "
                + "hybrid answers from keywords with effective_mode=keyword and fallback_reason set; vector mode answers 503.")
            .RequireAuthorization(Policies.KnowledgeRead)
            .Produces<KnowledgeSearchResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}

using MediatR;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.ListOpenAiModels;

public sealed class ListOpenAiModelsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/v1/models", async (IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(new ListOpenAiModelsRequest(), ct)).ToHttpResult())
            .WithName("ListOpenAiModels")
            .WithTags("OpenAI-compatible")
            .WithSummary("OpenAI's model list: 'voicehelper' (all of the tenant's knowledge bases) and 'kb:<id>' per knowledge base.")
            .RequireAuthorization(Policies.Chat)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}

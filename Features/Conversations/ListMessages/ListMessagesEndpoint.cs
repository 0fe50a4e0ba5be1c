using MediatR;
using Microsoft.AspNetCore.Mvc;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.ListMessages;

public sealed class ListMessagesEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/conversations/{id:guid}/messages", async (Guid id, IMediator mediator, CancellationToken ct, int? page,
                    [FromQuery(Name = "page_size")] int? pageSize) =>
                (await mediator.Send(new ListMessagesRequest(id, page ?? 1, pageSize ?? IPageRequest.DefaultPageSize), ct))
                    .ToHttpResult())
            .WithName("ListMessages")
            .WithTags("Conversations")
            .WithSummary("The messages of a conversation in the order they were said.")
            .RequireAuthorization(Policies.Converse)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

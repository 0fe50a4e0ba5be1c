using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.ListConversations;

public sealed class ListConversationsEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/conversations", async (IMediator mediator, ClaimsPrincipal user, CancellationToken ct, int? page,
                    [FromQuery(Name = "page_size")] int? pageSize, [FromQuery(Name = "all_users")] bool? allUsers, string? channel) =>
                (await mediator.Send(new ListConversationsRequest(
                    page ?? 1, pageSize ?? IPageRequest.DefaultPageSize, allUsers ?? false, channel, WidgetVisitor.IsVisitor(user)), ct)).ToHttpResult())
            .WithName("ListConversations")
            .WithTags("Conversations")
            .WithSummary("The caller's conversations, newest first; with all_users=true the tenant's, with channel=widget the website visitors' (owner or admin). A widget visitor lists its own.")
            .RequireAuthorization(Policies.Converse)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}

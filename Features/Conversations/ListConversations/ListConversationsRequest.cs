using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.ListConversations;

/// <param name="AllUsers">The whole tenant's conversations instead of the caller's (owner or admin only).</param>
public sealed record ListConversationsRequest(int Page, int PageSize, bool AllUsers) : IRequest<Result<PageResponse<ConversationResponse>>>, IPageRequest;

using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.ListConversations;

/// <param name="AllUsers">The whole tenant's conversations instead of the caller's (owner or admin only).</param>
/// <param name="Channel">Only conversations started there (<see cref="ConversationChannels"/>); <c>widget</c> lists the tenant's website visitors' (owner or admin only).</param>
/// <param name="Visitor">The caller is a widget visitor: it lists its own widget conversations, never the tenant's.</param>
public sealed record ListConversationsRequest(int Page, int PageSize, bool AllUsers, string? Channel = null, bool Visitor = false) : IRequest<Result<PageResponse<ConversationResponse>>>, IPageRequest;

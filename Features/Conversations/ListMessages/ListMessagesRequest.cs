using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.ListMessages;

public sealed record ListMessagesRequest(Guid ConversationId, int Page, int PageSize) : IRequest<Result<PageResponse<MessageResponse>>>, IPageRequest;

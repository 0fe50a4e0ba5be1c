using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.TruncateMessage;

public sealed record TruncateMessageRequest(Guid ConversationId, Guid MessageId, string? SpokenText) : IRequest<Result<MessageResponse>>;

using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.GetConversation;

public sealed record GetConversationRequest(Guid ConversationId) : IRequest<Result<ConversationResponse>>;

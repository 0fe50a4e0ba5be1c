using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.DeleteConversation;

public sealed record DeleteConversationRequest(Guid ConversationId) : IRequest<Result>;

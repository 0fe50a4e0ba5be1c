using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.RenameConversation;

public sealed record RenameConversationRequest(Guid ConversationId, string? Title) : IRequest<Result<ConversationResponse>>;

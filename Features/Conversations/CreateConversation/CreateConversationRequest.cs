using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.CreateConversation;

public sealed record CreateConversationRequest(string? Title = null, Guid[]? KbIds = null, CreateConversationSettings? Settings = null)
    : IRequest<Result<ConversationResponse>>;

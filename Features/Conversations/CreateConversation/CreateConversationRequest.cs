using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.CreateConversation;

public sealed record CreateConversationRequest(string? Title = null, Guid[]? KbIds = null, CreateConversationSettings? Settings = null)
    : IRequest<Result<ConversationResponse>>
{
    /// <summary>Set from the caller's token when a widget visitor starts the conversation.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public Guid? WidgetKeyId { get; init; }
}

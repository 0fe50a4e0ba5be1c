using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.SendMessage;

/// <param name="OnEvent">
/// Set for a streamed answer: receives the Assistant's <c>refs</c> and <c>token</c> events as they arrive. It
/// throws or sees the token cancelled when the client goes away, which ends the turn as interrupted.
/// </param>
/// <param name="PreparedAnswerId">An answer prepared for this question (PrepareAnswer): stored instead of asking the Assistant.</param>
/// <param name="KbIds">A widget visitor's knowledge bases, from its token: asked instead of the conversation's; null for a user.</param>
public sealed record SendMessageRequest(
    Guid ConversationId, string? Content, string Channel, Func<AssistantStreamEvent, CancellationToken, Task>? OnEvent = null, Guid[]? KbIds = null, Guid? PreparedAnswerId = null)
    : IRequest<Result<MessageResponse>>;

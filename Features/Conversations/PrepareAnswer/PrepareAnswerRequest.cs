using MediatR;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.PrepareAnswer;

/// <param name="OnPrepared">Receives the prepared answer's id (status pending) before the first token.</param>
/// <param name="OnEvent">Receives the Assistant's <c>refs</c> and <c>token</c> events as they arrive.</param>
/// <param name="KbIds">A widget visitor's knowledge bases, from its token: asked instead of the conversation's.</param>
public sealed record PrepareAnswerRequest(
    Guid ConversationId, string? Content, Func<PreparedAnswer, CancellationToken, Task> OnPrepared,
    Func<AssistantStreamEvent, CancellationToken, Task> OnEvent, Guid[]? KbIds = null)
    : IRequest<Result<PreparedAnswer>>;

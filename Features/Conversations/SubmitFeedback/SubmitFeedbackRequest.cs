using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.SubmitFeedback;

public sealed record SubmitFeedbackRequest(Guid ConversationId, Guid MessageId, string? Rating, string? Comment)
    : IRequest<Result<SubmitFeedbackResponse>>;

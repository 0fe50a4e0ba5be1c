using FluentValidation;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.ChatCompletions;

public sealed class ChatCompletionsValidator : AbstractValidator<ChatCompletionsRequest>
{
    public const int MaxMessages = 200;

    public ChatCompletionsValidator()
    {
        RuleFor(r => r.Model).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Messages).NotEmpty().WithMessage("'messages' must hold at least one message.")
            .Must(m => m is null || m.Count <= MaxMessages).WithMessage($"'messages' may hold at most {MaxMessages} messages.");
        RuleForEach(r => r.Messages).NotNull().ChildRules(message =>
        {
            message.RuleFor(m => m.Role).Must(role => ChatCompletionsConversation.Roles.Contains(role))
                .WithMessage($"'role' must be one of: {string.Join(", ", ChatCompletionsConversation.Roles)}.");
            message.RuleFor(m => ChatCompletionsConversation.Text(m.Content).Length).LessThanOrEqualTo(20_000)
                .OverridePropertyName("content");
        });
        RuleFor(r => r.Messages).Cascade(CascadeMode.Stop)
            .Must(m => Last(m) is not { } last || last.Role == ChatCompletionsConversation.User)
            .WithMessage("The last message must be the user's question.")
            .Must(m => Last(m) is not { } last || ChatCompletionsConversation.Text(last.Content).Length > 0)
            .WithMessage("The last message must contain text.")
            .Must(m => Last(m) is not { } last || ChatCompletionsConversation.Text(last.Content).Length <= RagQueryRequest.MaxQueryLength)
            .WithMessage($"The question may be at most {RagQueryRequest.MaxQueryLength} characters.");
    }

    private static ChatCompletionsMessage? Last(IReadOnlyList<ChatCompletionsMessage>? messages) => messages is { Count: > 0 } ? messages[^1] : null;
}

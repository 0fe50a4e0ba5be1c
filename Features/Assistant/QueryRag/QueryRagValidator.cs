using FluentValidation;
using VoiceHelper.Contracts.Api;
using VoiceHelper.Assistant.Models;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>Field names are the body's, not the envelope's: a client sees <c>query</c>, not <c>question.query</c>.</summary>
public sealed class QueryRagValidator : AbstractValidator<QueryRagRequest>
{
    public QueryRagValidator()
    {
        RuleFor(r => r.Question.Query).NotEmpty().MaximumLength(RagQueryRequest.MaxQueryLength)
            .Must(q => q is null || q.Trim().Length > 0).WithMessage("'Query' must contain text.")
            .OverridePropertyName(nameof(RagQueryRequest.Query));
        RuleFor(r => r.Question.KbIds).NotEmpty().WithMessage("'kb_ids' must name at least one knowledge base.")
            .OverridePropertyName(nameof(RagQueryRequest.KbIds));
        RuleFor(r => r.Question.KbIds!.Count).LessThanOrEqualTo(20).When(r => r.Question.KbIds is not null)
            .OverridePropertyName(nameof(RagQueryRequest.KbIds));
        RuleForEach(r => r.Question.KbIds).NotEqual(Guid.Empty).OverridePropertyName(nameof(RagQueryRequest.KbIds));
        // The summary that may lead the history is not a message of the window, so it does not count against the limit.
        RuleFor(r => r.Question.History!.Count(t => t.Role != RagTurn.SummaryRole)).LessThanOrEqualTo(RagQueryRequest.MaxHistoryMessages)
            .When(r => r.Question.History is not null).OverridePropertyName(nameof(RagQueryRequest.History));
        RuleForEach(r => r.Question.History).ChildRules(turn =>
        {
            turn.RuleFor(t => t.Role).Must(role => role is RagTurn.UserRole or RagTurn.AssistantRole or RagTurn.SummaryRole)
                .WithMessage("'role' must be user, assistant or summary.");
            turn.RuleFor(t => t.Content).NotNull().MaximumLength(20_000);
        }).OverridePropertyName(nameof(RagQueryRequest.History));
        RuleFor(r => r.Question.TopK).InclusiveBetween(1, 20).When(r => r.Question.TopK is not null)
            .OverridePropertyName(nameof(RagQueryRequest.TopK));
        RuleFor(r => r.Question.RoutingStrategy).Must(RoutingStrategies.IsKnown).When(r => r.Question.RoutingStrategy is not null)
            .WithMessage($"'routing_strategy' must be one of {string.Join(", ", RoutingStrategies.All)}.")
            .OverridePropertyName(nameof(RagQueryRequest.RoutingStrategy));
    }
}

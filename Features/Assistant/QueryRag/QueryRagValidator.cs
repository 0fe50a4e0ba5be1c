using FluentValidation;

namespace VoiceHelper.Assistant.QueryRag;

public sealed class QueryRagValidator : AbstractValidator<QueryRagRequest>
{
    public QueryRagValidator()
    {
        RuleFor(r => r.Query).NotEmpty().MaximumLength(QueryRagRequest.MaxQueryLength)
            .Must(q => q is null || q.Trim().Length > 0).WithMessage("'Query' must contain text.");
        RuleFor(r => r.KbIds).NotEmpty().WithMessage("'kb_ids' must name at least one knowledge base.");
        RuleFor(r => r.KbIds!.Count).LessThanOrEqualTo(20).When(r => r.KbIds is not null).OverridePropertyName("KbIds");
        RuleForEach(r => r.KbIds).NotEqual(Guid.Empty);
        // The summary that may lead the history is not a message of the window, so it does not count against the limit.
        RuleFor(r => r.History!.Count(t => t.Role != QueryRagTurn.SummaryRole)).LessThanOrEqualTo(QueryRagRequest.MaxHistoryMessages)
            .When(r => r.History is not null).OverridePropertyName("History");
        RuleForEach(r => r.History).ChildRules(turn =>
        {
            turn.RuleFor(t => t.Role).Must(role => role is "user" or "assistant" or QueryRagTurn.SummaryRole)
                .WithMessage("'role' must be user, assistant or summary.");
            turn.RuleFor(t => t.Content).NotNull().MaximumLength(20_000);
        });
        RuleFor(r => r.TopK).InclusiveBetween(1, 20).When(r => r.TopK is not null);
    }
}

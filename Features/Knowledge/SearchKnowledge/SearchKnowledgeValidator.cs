using System.Text.Json;
using FluentValidation;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Knowledge.SearchKnowledge;

public sealed class SearchKnowledgeValidator : AbstractValidator<SearchKnowledgeRequest>
{
    public SearchKnowledgeValidator()
    {
        RuleFor(r => r.Query).NotEmpty().MaximumLength(4000);
        RuleFor(r => r.TopK).InclusiveBetween(1, 100);
        RuleFor(r => r.Mode).Must(m => KnowledgeSearchModes.All.Contains(m))
            .WithMessage($"Use one of: {string.Join(", ", KnowledgeSearchModes.All)}.");
        RuleFor(r => r.KbIds).Must(ids => ids is null || ids.Count <= 100).WithMessage("At most 100 knowledge bases per search.");
        RuleFor(r => r.Metadata).Must(m => m is null || m.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("Metadata must be a JSON object.");
        RuleFor(r => r.VectorWeight).InclusiveBetween(0, 100);
        RuleFor(r => r.KeywordWeight).InclusiveBetween(0, 100);
    }
}

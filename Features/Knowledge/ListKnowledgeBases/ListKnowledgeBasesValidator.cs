using FluentValidation;
using VoiceHelper.Knowledge.Common;

namespace VoiceHelper.Knowledge.ListKnowledgeBases;

public sealed class ListKnowledgeBasesValidator : AbstractValidator<ListKnowledgeBasesRequest>
{
    public ListKnowledgeBasesValidator()
    {
        RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
        RuleFor(r => r.PageSize).InclusiveBetween(1, PageResponse<KnowledgeBaseResponse>.MaxPageSize);
    }
}

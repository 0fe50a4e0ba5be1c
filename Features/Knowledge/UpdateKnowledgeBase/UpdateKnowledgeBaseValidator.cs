using FluentValidation;

namespace VoiceHelper.Knowledge.UpdateKnowledgeBase;

public sealed class UpdateKnowledgeBaseValidator : AbstractValidator<UpdateKnowledgeBaseRequest>
{
    public UpdateKnowledgeBaseValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).When(r => r.Name is not null);
        RuleFor(r => r.Description).MaximumLength(2000);
        RuleFor(r => r.ChunkSize).InclusiveBetween(50, 4000);
        RuleFor(r => r.ChunkOverlap).InclusiveBetween(0, 1000);
        RuleFor(r => r.Language).MaximumLength(20);
    }
}

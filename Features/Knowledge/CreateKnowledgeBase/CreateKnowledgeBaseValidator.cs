using FluentValidation;

namespace VoiceHelper.Knowledge.CreateKnowledgeBase;

public sealed class CreateKnowledgeBaseValidator : AbstractValidator<CreateKnowledgeBaseRequest>
{
    public CreateKnowledgeBaseValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Description).MaximumLength(2000);
        RuleFor(r => r.ChunkSize).InclusiveBetween(50, 4000);
        RuleFor(r => r.ChunkOverlap).InclusiveBetween(0, 1000);
        RuleFor(r => r).Must(r => (r.ChunkOverlap ?? 0) < (r.ChunkSize ?? int.MaxValue))
            .WithName("chunk_overlap").WithMessage("The overlap must be smaller than the chunk size.");
        RuleFor(r => r.Language).MaximumLength(20);
    }
}

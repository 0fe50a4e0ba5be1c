using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Assistant.Models;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.CreateAbTest;

/// <summary>A variant's model must be one the tenant can route to (its own or the catalog's).</summary>
public sealed class CreateAbTestHandler(AssistantDbContext db, ChatModelCatalog catalog, TimeProvider clock)
    : IRequestHandler<CreateAbTestRequest, Result<AbTestView>>
{
    public async Task<Result<AbTestView>> Handle(CreateAbTestRequest request, CancellationToken cancellationToken)
    {
        var named = request.Variants!.Where(v => v.Model is not null).Select(v => v.Model!).Distinct().ToList();
        var own = await db.Models.Where(m => named.Contains(m.Name)).Select(m => m.Name).ToListAsync(cancellationToken);
        if (named.FirstOrDefault(n => !own.Contains(n) && catalog.Chain.All(m => m.Id != n)) is { } unknown)
        {
            return AssistantErrors.UnknownModel(unknown);
        }
        var now = clock.GetUtcNow();
        var test = new AbTest
        {
            Id = Guid.CreateVersion7(now),
            Name = request.Name!.Trim(),
            Status = AbTest.Draft,
            VariantsJson = JsonSerializer.Serialize(request.Variants!.Select(v => v with
            {
                Name = v.Name.Trim(),
                Prompt = string.IsNullOrWhiteSpace(v.Prompt) ? null : v.Prompt.Trim(),
            })),
            CreatedAt = now,
        };
        db.AbTests.Add(test);
        await db.SaveChangesAsync(cancellationToken);
        return AbTestView.From(test);
    }
}

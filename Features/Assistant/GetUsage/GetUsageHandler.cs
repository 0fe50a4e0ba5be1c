using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.GetUsage;

public sealed class GetUsageHandler(AssistantDbContext db, TimeProvider clock) : IRequestHandler<GetUsageRequest, Result<GetUsageResponse>>
{
    public async Task<Result<GetUsageResponse>> Handle(GetUsageRequest request, CancellationToken cancellationToken)
    {
        // timestamptz takes only UTC offsets.
        var to = (request.To ?? clock.GetUtcNow()).ToUniversalTime();
        var from = (request.From ?? to.AddDays(-30)).ToUniversalTime();
        if (from >= to)
        {
            return AssistantErrors.InvalidRange;
        }
        // The tenant filter of AssistantDbContext scopes this to the caller's tenant.
        var models = await db.Usage.AsNoTracking()
            .Where(u => u.RecordedAt >= from && u.RecordedAt < to)
            .GroupBy(u => new { u.Model, u.Provider })
            .OrderBy(g => g.Key.Model)
            .Select(g => new GetUsageItem(
                g.Key.Model,
                g.Key.Provider,
                g.Count(),
                g.Count(u => u.CacheHit),
                g.Sum(u => (long)u.PromptTokens),
                g.Sum(u => (long)u.CompletionTokens),
                g.Sum(u => u.CostUsd),
                g.Average(u => (double)u.LatencyMs)))
            .ToListAsync(cancellationToken);
        return new GetUsageResponse(from, to, models, models.Sum(m => m.Requests),
            models.Sum(m => m.PromptTokens + m.CompletionTokens), models.Sum(m => m.CostUsd));
    }
}

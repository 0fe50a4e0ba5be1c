using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.GetAbTestResults;

public sealed class GetAbTestResultsHandler(AssistantDbContext db) : IRequestHandler<GetAbTestResultsRequest, Result<GetAbTestResultsResponse>>
{
    public async Task<Result<GetAbTestResultsResponse>> Handle(GetAbTestResultsRequest request, CancellationToken cancellationToken)
    {
        var test = await db.AbTests.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.Id, cancellationToken);
        if (test is null)
        {
            return AssistantErrors.AbTestNotFound;
        }
        var outcomes = await db.AbTestOutcomes.AsNoTracking().Where(o => o.TestId == test.Id)
            .Select(o => new GetAbTestResultsOutcome(o.Variant, o.Success, o.FallbackUsed, o.LatencyMs, o.Tokens, o.CostUsd))
            .ToListAsync(cancellationToken);
        var feedback = await db.AbTestFeedback.AsNoTracking().Where(f => f.TestId == test.Id)
            .Select(f => new { f.Variant, f.Rating })
            .ToListAsync(cancellationToken);
        var view = AbTestView.From(test);
        var (variants, success, rated) = GetAbTestResultsDecision.Summarise(view.Variants, outcomes,
            feedback.Select(f => (f.Variant, f.Rating)).ToList());
        return new GetAbTestResultsResponse(view, variants, success, rated);
    }
}

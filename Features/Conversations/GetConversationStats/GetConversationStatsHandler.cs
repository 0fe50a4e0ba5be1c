using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Conversations.Common;
using VoiceHelper.Conversations.ProjectConversationStats;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.GetConversationStats;

/// <summary>Reads the daily rows the <see cref="ProjectConversationStatsHandler"/> maintains (a few rows per range, whatever the traffic).</summary>
public sealed class GetConversationStatsHandler(ConversationsDbContext db)
    : IRequestHandler<GetConversationStatsRequest, Result<GetConversationStatsResponse>>
{
    public async Task<Result<GetConversationStatsResponse>> Handle(GetConversationStatsRequest request, CancellationToken cancellationToken)
    {
        var days = await db.StatsDays.AsNoTracking()
            .Where(d => d.Day >= request.From && d.Day <= request.To)
            .ToListAsync(cancellationToken);
        var start = new DateTimeOffset(request.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(request.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var votes = await db.Feedback.AsNoTracking()
            .Where(f => f.CreatedAt >= start && f.CreatedAt < end)
            .Select(f => new { f.CreatedAt, f.Rating })
            .ToListAsync(cancellationToken);
        var feedback = votes.Select(v => new GetConversationStatsFeedback(DateOnly.FromDateTime(v.CreatedAt.UtcDateTime), v.Rating)).ToList();
        return GetConversationStatsDecision.Summarise(request.From, request.To, days, feedback);
    }
}

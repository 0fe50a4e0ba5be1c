using VoiceHelper.Conversations.Common;

namespace VoiceHelper.Conversations.GetConversationStats;

public static class GetConversationStatsDecision
{
    /// <summary>
    /// One row per day that had traffic or feedback, and the range's total. A conversation active on two days
    /// counts on each day and, as the total has no per-conversation detail, twice in the total as well.
    /// </summary>
    public static GetConversationStatsResponse Summarise(
        DateOnly from, DateOnly to, IReadOnlyList<ConversationStatsDay> days, IReadOnlyList<GetConversationStatsFeedback> feedback)
    {
        var byDay = days.ToDictionary(d => d.Day);
        var votes = feedback.ToLookup(f => f.Day);
        var rows = byDay.Keys.Union(votes.Select(v => v.Key)).Order()
            .Select(day => Row(day, byDay.TryGetValue(day, out var d) ? [d] : [], votes[day].ToList()))
            .ToList();
        return new GetConversationStatsResponse(from, to, rows, Row(null, days, feedback));
    }

    private static GetConversationStatsRow Row(DateOnly? day, IReadOnlyList<ConversationStatsDay> days, IReadOnlyList<GetConversationStatsFeedback> feedback)
    {
        var latencies = LatencyHistogram.Add(days.Select(d => d.LatencyBuckets));
        var answers = days.Sum(d => d.Answers);
        return new GetConversationStatsRow(
            day,
            days.Sum(d => d.Conversations),
            days.Sum(d => d.Messages),
            answers,
            days.Sum(d => d.Interrupted),
            LatencyHistogram.Percentile(latencies, 0.50),
            LatencyHistogram.Percentile(latencies, 0.95),
            days.Sum(d => d.Tokens),
            answers == 0 ? 0 : Math.Round((double)days.Sum(d => d.CacheHits) / answers, 4),
            feedback.Count(f => f.Rating == "up"),
            feedback.Count(f => f.Rating == "down"));
    }
}

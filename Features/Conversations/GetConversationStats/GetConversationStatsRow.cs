namespace VoiceHelper.Conversations.GetConversationStats;

/// <summary>One day's figures (or the whole range's, with <see cref="Day"/> null). Latencies are null without answers.</summary>
public sealed record GetConversationStatsRow(
    DateOnly? Day, int Conversations, int Messages, int Answers, int Interrupted, int? LatencyP50Ms, int? LatencyP95Ms,
    long Tokens, double CacheHitRatio, int FeedbackUp, int FeedbackDown);

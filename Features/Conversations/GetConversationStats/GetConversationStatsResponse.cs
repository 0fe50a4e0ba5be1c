namespace VoiceHelper.Conversations.GetConversationStats;

public sealed record GetConversationStatsResponse(DateOnly From, DateOnly To, IReadOnlyList<GetConversationStatsRow> Days, GetConversationStatsRow Total);

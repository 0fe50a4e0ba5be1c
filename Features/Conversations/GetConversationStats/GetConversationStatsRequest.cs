using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.GetConversationStats;

/// <summary>UTC days from <paramref name="From"/> to <paramref name="To"/>, both included.</summary>
public sealed record GetConversationStatsRequest(DateOnly From, DateOnly To) : IRequest<Result<GetConversationStatsResponse>>;

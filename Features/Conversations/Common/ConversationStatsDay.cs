using VoiceHelper.Conversations.ProjectConversationStats;
using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Conversations.Common;

/// <summary>A tenant's day of conversation traffic, written only by <see cref="ProjectConversationStatsHandler"/>.</summary>
public sealed class ConversationStatsDay : ITenantOwned
{
    public Guid TenantId { get; set; }
    public DateOnly Day { get; set; }
    public int Conversations { get; set; }
    public int Messages { get; set; }
    public int Answers { get; set; }
    public int Interrupted { get; set; }
    public long Tokens { get; set; }
    public int CacheHits { get; set; }
    public int[] LatencyBuckets { get; set; } = [];
}

using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Conversations.Common;

public sealed class Conversation : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    /// <summary>The signed-in user, or for <see cref="ConversationChannels.Widget"/> the anonymous visitor's subject.</summary>
    public Guid UserId { get; set; }

    /// <summary>Where the conversation was started (<see cref="ConversationChannels"/>).</summary>
    public string Channel { get; set; } = ConversationChannels.User;

    /// <summary>The widget key the visitor's widget used; null for a user's conversation.</summary>
    public Guid? WidgetKeyId { get; set; }
    public required string Title { get; set; }
    public Guid[] KbIds { get; set; } = [];
    public int? TopK { get; set; }
    public bool UseCache { get; set; } = true;
    public bool UseRerank { get; set; } = true;
    public bool UseSelfRag { get; set; }
    public int ContextMaxTurns { get; set; }
    public int ContextMaxTokens { get; set; }
    public long LastSequence { get; set; }
    public long ContextVersion { get; set; }

    /// <summary>What was said before the context window, when a summary model is configured; written only by the summariser.</summary>
    public string? Summary { get; set; }

    /// <summary>Sequence of the newest message folded into <see cref="Summary"/> (0: none).</summary>
    public long SummaryThrough { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}

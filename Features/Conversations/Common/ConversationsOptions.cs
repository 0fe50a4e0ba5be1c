using System.ComponentModel.DataAnnotations;
using VoiceHelper.Contracts;

namespace VoiceHelper.Conversations.Common;

public sealed class ConversationsOptions
{
    public const string Section = "Conversations";

    /// <summary>Turns of history a new conversation sends with each question, unless it sets its own.</summary>
    [Range(1, ConversationLimits.MaxContextTurns)] public int DefaultContextTurns { get; set; } = 10;

    /// <summary>Token budget of that history, unless the conversation sets its own.</summary>
    [Range(100, 128_000)] public int DefaultContextTokens { get; set; } = 4_000;

    public TimeSpan ContextCacheTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Longest wait for Redis on a turn before the context is rebuilt from PostgreSQL instead.</summary>
    public TimeSpan CacheTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a deleted conversation's messages are kept for audit before the retention job removes them.</summary>
    public TimeSpan DeletedRetention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Characters in one message: the Assistant takes questions up to 2,000 characters, so a longer one is refused
    /// here (400) rather than failing there. Bodies beyond <see cref="MaxMessageBodyBytes"/> are refused while read (413).
    /// </summary>
    [Range(1, 1_000_000)] public int MaxMessageChars { get; set; } = 2_000;

    [Range(1024, 10 * 1024 * 1024)] public long MaxMessageBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long a prepared answer (PrepareAnswer) waits in Redis for the send that stores it.</summary>
    public TimeSpan PreparedAnswerTtl { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest wait of a send for a prepared answer still being produced (its asker just went away, say).</summary>
    public TimeSpan PreparedAnswerWait { get; set; } = TimeSpan.FromSeconds(5);
}

namespace VoiceHelper.Conversations.Common;

public static class MessageStatuses
{
    public const string Complete = "complete";

    /// <summary>The answer stopped early (client gone, or voice barge-in): the content is what was produced or heard.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>The Assistant failed before answering; kept for audit, never part of a context window.</summary>
    public const string Failed = "failed";
}

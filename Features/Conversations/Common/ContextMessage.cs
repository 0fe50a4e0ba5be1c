namespace VoiceHelper.Conversations.Common;

/// <summary>One message as the context window sees it: what was said, by whom, and what it costs in tokens.</summary>
public sealed record ContextMessage(long Sequence, string Role, string Content, int Tokens)
{
    public static ContextMessage From(Message message) =>
        new(message.Sequence, message.Role, message.Content, TokenEstimator.Count(message.Content));

    /// <summary>A failed answer, or one interrupted before a word, is not something the caller heard.</summary>
    public static bool Belongs(Message message) => message.Status != MessageStatuses.Failed && message.Content.Length > 0;
}

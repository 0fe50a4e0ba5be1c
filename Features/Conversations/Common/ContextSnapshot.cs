namespace VoiceHelper.Conversations.Common;

/// <summary>
/// The newest messages of a conversation as cached in Redis, valid only for the conversation's
/// <see cref="Conversation.ContextVersion"/> it was taken at.
/// </summary>
public sealed record ContextSnapshot(long Version, IReadOnlyList<ContextMessage> Messages)
{
    /// <summary>The snapshot after a turn: the new messages appended, the oldest dropped beyond what a window can use.</summary>
    public ContextSnapshot Append(long version, int keep, params ContextMessage[] added) =>
        new(version, Messages.Concat(added).TakeLast(keep).ToList());
}

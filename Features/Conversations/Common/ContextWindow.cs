namespace VoiceHelper.Conversations.Common;

/// <summary>
/// Picks the history sent with a question: walking from the newest message back, whole messages are taken
/// while both the turn limit and the token budget hold; the first message that does not fit ends the window
/// (a message is never cut, and no older message jumps the gap, so the history stays contiguous). A turn is a
/// user message with the answer after it. The result is in chronological order, as chat models expect it.
/// Messages at or below <c>summarisedThrough</c> are already in the conversation's summary and are never taken again.
/// </summary>
public static class ContextWindow
{
    public static IReadOnlyList<ContextMessage> Build(IReadOnlyList<ContextMessage> history, int maxTurns, int maxTokens, long summarisedThrough = 0)
    {
        var picked = new List<ContextMessage>();
        var tokens = 0;
        var turns = 0;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            var message = history[i];
            if (turns == maxTurns || tokens + message.Tokens > maxTokens || message.Sequence <= summarisedThrough)
            {
                break;
            }
            picked.Add(message);
            tokens += message.Tokens;
            if (message.Role == MessageRoles.User)
            {
                turns++;
            }
        }
        picked.Reverse();
        return picked;
    }

    /// <summary>How many of the newest messages are worth keeping (in the cache, or loading from the database): a window never holds more.</summary>
    public static int MessagesToKeep(int maxTurns) => maxTurns * 2;
}

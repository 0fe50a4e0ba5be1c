namespace VoiceHelper.Contracts;

/// <summary>
/// The size of the history Conversations sends with a question and the Assistant accepts. Both read it from here:
/// when they each had their own number, a conversation configured above the Assistant's limit failed on every turn.
/// </summary>
public static class ConversationLimits
{
    /// <summary>Most turns (a question and its answer) a conversation's context window may be configured to hold.</summary>
    public const int MaxContextTurns = 100;

    /// <summary>Most messages of such a window, the summary that may lead it not counted.</summary>
    public const int MaxHistoryMessages = MaxContextTurns * 2;
}

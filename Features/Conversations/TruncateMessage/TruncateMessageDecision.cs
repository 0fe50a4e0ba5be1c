using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.TruncateMessage;

public static class TruncateMessageDecision
{
    /// <summary>
    /// The content to keep, or why not. Only an assistant answer is cut, and only to a beginning of itself
    /// (speech is synthesised from the text, so what was heard is a prefix of it; trailing whitespace of the spoken
    /// part does not matter). Repeating the same truncation changes nothing.
    /// </summary>
    public static Result<string> Decide(Message? message, string spokenText)
    {
        if (message is null)
        {
            return ConversationErrors.MessageNotFound;
        }
        if (message.Role != MessageRoles.Assistant)
        {
            return ConversationErrors.NotAnAssistantMessage;
        }
        var spoken = spokenText.TrimEnd();
        return message.Content.StartsWith(spoken, StringComparison.Ordinal) ? spoken : ConversationErrors.NotAPrefix;
    }
}

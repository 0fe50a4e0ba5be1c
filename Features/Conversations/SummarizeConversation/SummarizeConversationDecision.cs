using System.Text;
using Microsoft.Extensions.AI;
using VoiceHelper.Conversations.Common;

namespace VoiceHelper.Conversations.SummarizeConversation;

public static class SummarizeConversationDecision
{
    /// <summary>
    /// The messages to fold into the summary now: those after <paramref name="summarisedThrough"/> that the next
    /// turn's context window no longer reaches, oldest first, whole, and at most <paramref name="maxBatchTokens"/>
    /// (but always at least one, so a single huge message cannot stall the summary). Empty when everything still fits,
    /// or when the conversation sends no history at all (nothing to remember for it).
    /// </summary>
    public static IReadOnlyList<ContextMessage> Evict(
        IReadOnlyList<ContextMessage> history, long summarisedThrough, int maxTurns, int maxTokens, int maxBatchTokens)
    {
        if (maxTurns <= 0 || maxTokens <= 0)
        {
            return [];
        }
        var window = ContextWindow.Build(history, maxTurns, maxTokens, summarisedThrough);
        var windowStart = window.Count > 0 ? window[0].Sequence : long.MaxValue;
        var batch = new List<ContextMessage>();
        var tokens = 0;
        foreach (var message in history.Where(m => m.Sequence > summarisedThrough && m.Sequence < windowStart).OrderBy(m => m.Sequence))
        {
            if (batch.Count > 0 && tokens + message.Tokens > maxBatchTokens)
            {
                break;
            }
            batch.Add(message);
            tokens += message.Tokens;
        }
        return batch;
    }

    /// <summary>
    /// The summary model's prompt: the previous summary plus the newly evicted messages, merged into one. The old
    /// turns are quoted as data in the user message, never given roles of their own, so text a caller typed long ago
    /// cannot pose as an instruction to the summariser.
    /// </summary>
    public static IReadOnlyList<ChatMessage> Prompt(string? previousSummary, IReadOnlyList<ContextMessage> evicted, int maxSummaryTokens)
    {
        var words = maxSummaryTokens * 3 / 4;
        var system =
            "You keep the running summary of a customer-service conversation. Merge the previous summary and the new messages " +
            "into one updated summary. Keep what later questions may refer to: the customer's facts (names, products, models, " +
            "order numbers, dates, amounts), their problems and preferences, the answers given and anything still open. " +
            $"Write plain prose in the conversation's language, at most {words} words, and output only the summary.";
        var user = new StringBuilder();
        user.Append("Previous summary:\n").Append(string.IsNullOrWhiteSpace(previousSummary) ? "(none)" : previousSummary.Trim()).Append("\n\nNew messages:\n");
        foreach (var message in evicted)
        {
            user.Append(message.Role == MessageRoles.User ? "Customer: " : "Assistant: ").Append(message.Content.Trim()).Append('\n');
        }
        return [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user.ToString())];
    }

    /// <summary>
    /// The model's answer held to the summary's budget (a model may ignore the requested length): cut at the last
    /// whitespace that fits. Null when the model said nothing, so an empty answer never wipes a good summary.
    /// </summary>
    public static string? Bound(string? text, int maxSummaryTokens)
    {
        var summary = text?.Trim();
        if (string.IsNullOrEmpty(summary))
        {
            return null;
        }
        if (TokenEstimator.Count(summary) <= maxSummaryTokens)
        {
            return summary;
        }
        // One token is kept for the ellipsis that marks the cut.
        var budget = maxSummaryTokens - 1;
        var low = 0;
        var high = summary.Length;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (TokenEstimator.Count(summary[..middle]) <= budget)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        var cut = summary[..low];
        var space = cut.LastIndexOfAny([' ', '\n', '\t']);
        // CJK text has no spaces to cut at; a cut between two ideographs is as good as it gets there.
        return (space > low / 2 ? cut[..space] : cut).TrimEnd() + "…";
    }
}

using Microsoft.Extensions.AI;
using VoiceHelper.Ai.Chat;
using VoiceHelper.Contracts.Api;
using VoiceHelper.Assistant.Grounding;
using VoiceHelper.Ai.Text;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>
/// The part of the caller's history that goes into a chat model's prompt, to a token budget. The summary is kept
/// first: it is short (Conversations caps it) and it is the only memory of everything older, such as a name given at
/// the start. Then turns from the newest back, contiguous, until one does not fit: the oldest go first. A kept window
/// never starts with an answer whose question was dropped. The question and the sources are never cut here: the
/// budget is what they left.
/// </summary>
public static class QueryRagHistory
{
    /// <summary>Role, separators and the like of one chat message, on top of its text.</summary>
    public const int PerMessageOverhead = 4;

    /// <summary>The words and element around the summary in its message.</summary>
    private const int SummaryFrame = 20;

    /// <summary>
    /// Whether the history goes into the prompt: only a chat model can use it (the extractive answerer reads the
    /// question and the sources alone, so for it the history only shapes the retrieval query, as before).
    /// </summary>
    public static bool UsesHistory(ChatProvider primary, IReadOnlyList<RagTurn>? history) =>
        primary != ChatProvider.Extractive && history?.Any(t => !string.IsNullOrWhiteSpace(t.Content)) == true;

    /// <summary>
    /// Room for history in the model's context window: what the grounded prompt (sources, question, system message
    /// with its conversation and strict-mode lines) leaves after a quarter kept for the answer, and at most the
    /// configured budget. The sources were already fitted to their own budget, so history never displaces them.
    /// </summary>
    public static int HistoryBudget(int configured, int contextWindow, IEnumerable<ChatMessage> groundedPrompt) =>
        Math.Max(0, Math.Min(configured, contextWindow - contextWindow / 4 - groundedPrompt.Sum(m => Cost(m.Text))));

    public static GroundedConversation? Fit(IReadOnlyList<RagTurn>? history, int tokenBudget)
    {
        if (history is null || tokenBudget <= 0)
        {
            return null;
        }
        var remaining = tokenBudget;
        string? summary = null;
        var summaries = history.Where(t => t.Role == RagTurn.SummaryRole && !string.IsNullOrWhiteSpace(t.Content)).Select(t => t.Content.Trim()).ToList();
        if (summaries.Count > 0)
        {
            var text = string.Join('\n', summaries);
            var cost = Cost(text) + SummaryFrame;
            if (cost <= remaining)
            {
                summary = text;
                remaining -= cost;
            }
        }
        var turns = history.Where(t => t.Role != RagTurn.SummaryRole && !string.IsNullOrWhiteSpace(t.Content)).ToList();
        var first = turns.Count;
        while (first > 0 && Cost(turns[first - 1].Content) <= remaining)
        {
            first--;
            remaining -= Cost(turns[first].Content);
        }
        var dropped = first > 0;
        while (dropped && first < turns.Count && turns[first].Role != "user")
        {
            first++;
        }
        var kept = turns.Skip(first)
            .Select(t => new ChatMessage(t.Role == "user" ? ChatRole.User : ChatRole.Assistant, t.Content.Trim()))
            .ToList();
        return summary is null && kept.Count == 0 ? null : new GroundedConversation(summary, kept);
    }

    /// <summary>The conversation as the groundedness check reads it: a sentence citing [0] must be found here.</summary>
    public static string AsSourceText(GroundedConversation conversation)
    {
        var lines = new List<string>();
        if (conversation.Summary is not null)
        {
            lines.Add($"summary: {conversation.Summary}");
        }
        lines.AddRange(conversation.Turns.Select(t => $"{t.Role.Value}: {t.Text}"));
        return string.Join('\n', lines);
    }

    public static int Cost(string text) => TokenEstimate.Count(text) + PerMessageOverhead;
}

using VoiceHelper.Contracts.Api;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.SendMessage;

public static class SendMessageDecision
{
    /// <summary>
    /// How the answer is stored, or null when the turn is rolled back. An Assistant failure before any text
    /// leaves no trace, so a retry is clean; once text was produced (and maybe shown or spoken) it is kept as
    /// <c>interrupted</c>, like an answer the client stopped listening to.
    /// </summary>
    public static string? AnswerStatus(bool clientGone, bool assistantFailed, int textLength) =>
        (clientGone, assistantFailed, textLength) switch
        {
            (true, _, _) => MessageStatuses.Interrupted,
            (false, true, 0) => null,
            (false, true, _) => MessageStatuses.Interrupted,
            _ => MessageStatuses.Complete,
        };

    /// <summary>
    /// Why a prepared answer cannot be stored with this question, or null when it can: it must exist and be settled,
    /// belong to this conversation, tenant and user, answer this very question, and have been produced over the
    /// conversation's current history (nothing was stored since).
    /// </summary>
    public static Error? PreparedAnswerError(PreparedAnswer? prepared, Conversation conversation, Guid? userId, string question) =>
        prepared is null || prepared.TenantId != conversation.TenantId || prepared.UserId != userId || prepared.ConversationId != conversation.Id
            ? ConversationErrors.PreparedAnswerNotFound
            : prepared.Status == PreparedAnswer.Pending || prepared.BaseSequence != conversation.LastSequence || prepared.Question != question.Trim()
                ? ConversationErrors.PreparedAnswerStale
                : null;

    /// <summary>
    /// What the Assistant is asked: the question, the conversation's settings and the history that fits the window,
    /// led by the summary of the turns before it when there is one.
    /// </summary>
    /// <param name="visitorKbIds">A widget visitor's knowledge bases (its token's), asked instead of the conversation's.</param>
    public static RagQueryRequest Query(Conversation conversation, string question, IReadOnlyList<ContextMessage> window, bool stream, Guid[]? visitorKbIds = null) =>
        new(question.Trim(), visitorKbIds ?? conversation.KbIds, conversation.TopK, conversation.UseCache, conversation.UseRerank, conversation.UseSelfRag,
            stream, History(conversation.Summary, window), conversation.Id);

    private static List<RagTurn> History(string? summary, IReadOnlyList<ContextMessage> window)
    {
        var history = new List<RagTurn>(window.Count + 1);
        if (!string.IsNullOrWhiteSpace(summary))
        {
            history.Add(new RagTurn(RagTurn.SummaryRole, summary));
        }
        history.AddRange(window.Select(m => new RagTurn(m.Role, m.Content)));
        return history;
    }
}

using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.Common;

/// <summary>Conversations' expected failures. The codes are part of the API: clients branch on them.</summary>
public static class ConversationErrors
{
    /// <summary>Another tenant's, another user's and a deleted conversation all answer exactly this.</summary>
    public static readonly Error ConversationNotFound = Error.NotFound("conversation");
    public static readonly Error MessageNotFound = Error.NotFound("message");
    public static readonly Error TenantListForbidden = Error.Forbidden("forbidden", "Only an owner or admin may list the tenant's conversations.");
    public static readonly Error NotAnAssistantMessage = Error.Conflict("not_an_assistant_message", "Only an assistant message can be truncated or rated.");
    public static readonly Error NotAPrefix = Error.Conflict("not_a_prefix", "The spoken text must be the beginning of the message.");
    /// <summary>Unknown, expired, another user's or another conversation's prepared answer.</summary>
    public static readonly Error PreparedAnswerNotFound = Error.NotFound("prepared_answer");
    public static readonly Error PreparedAnswerStale = Error.Conflict("prepared_answer_stale",
        "The conversation changed after the answer was prepared, or the question differs; send the question without it.");
    public static readonly Error PreparedAnswersUnavailable = new("prepared_answers_unavailable", 503, "Answers cannot be prepared now; send the question instead.");
    public static readonly Error AssistantUnavailable = new("assistant_unavailable", 502, "The assistant could not answer; try again.");
}

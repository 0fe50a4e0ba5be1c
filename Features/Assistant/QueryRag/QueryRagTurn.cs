namespace VoiceHelper.Assistant.QueryRag;

/// <summary>
/// One earlier message of the conversation, sent by Conversations with the question: <c>user</c> or <c>assistant</c>,
/// or, first, a <c>summary</c> of the turns before those (when Conversations has a summary model).
/// </summary>
public sealed record QueryRagTurn(string Role, string Content)
{
    public const string SummaryRole = "summary";
}

namespace VoiceHelper.Contracts.Api;

/// <summary>
/// One earlier message of the conversation: <c>user</c> or <c>assistant</c>, or, first, a <c>summary</c> of the turns
/// before those (when Conversations has a summary model).
/// </summary>
public sealed record RagTurn(string Role, string Content)
{
    public const string UserRole = "user";
    public const string AssistantRole = "assistant";
    public const string SummaryRole = "summary";
}

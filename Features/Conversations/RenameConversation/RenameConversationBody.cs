namespace VoiceHelper.Conversations.RenameConversation;

public sealed record RenameConversationBody(string? Title);

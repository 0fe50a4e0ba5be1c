namespace VoiceHelper.Conversations.PrepareAnswer;

public sealed record PrepareAnswerBody(string? Content);

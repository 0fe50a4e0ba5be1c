namespace VoiceHelper.Ai.Chat;

public sealed record ParsedGroundedPrompt(string Question, IReadOnlyList<GroundedSource> Sources, bool Strict);

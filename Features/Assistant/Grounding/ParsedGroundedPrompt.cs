namespace VoiceHelper.Assistant.Grounding;

public sealed record ParsedGroundedPrompt(string Question, IReadOnlyList<GroundedSource> Sources, bool Strict);

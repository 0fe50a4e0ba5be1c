namespace VoiceHelper.Assistant.Common;

/// <summary>
/// One arm of a test: its weight (the weights of a test sum to 100), the model it routes to (a tenant model's name or a
/// catalog id; null keeps the routing) and an extra instruction for the prompt (null keeps the prompt).
/// </summary>
public sealed record AbTestVariant(string Name, int Weight, string? Model, string? Prompt);

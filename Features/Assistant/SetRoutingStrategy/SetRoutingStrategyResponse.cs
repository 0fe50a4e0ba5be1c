namespace VoiceHelper.Assistant.SetRoutingStrategy;

public sealed record SetRoutingStrategyResponse(string? Strategy, DateTimeOffset UpdatedAt);

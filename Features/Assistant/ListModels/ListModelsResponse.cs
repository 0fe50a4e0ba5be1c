namespace VoiceHelper.Assistant.ListModels;

/// <summary>The catalog in fallback order (<see cref="Items"/> is that order), with each model's breaker state.</summary>
public sealed record ListModelsResponse(IReadOnlyList<ListModelsItem> Items, IReadOnlyList<string> FallbackChain);

namespace VoiceHelper.Console.Common.Api;

/// <param name="ConfigurationId">Set for the tenant's own models (<see cref="Source"/> <c>tenant</c>), which can be edited.</param>
/// <param name="Endpoint">A tenant model's endpoint (never its API key), which an edit starts from.</param>
public sealed record ModelItem(string Id, string Provider, string Model, int ContextWindow, decimal InputPricePer1K,
    decimal OutputPricePer1K, int LatencyHintMs, double QualityHint, string Circuit, bool Available, string Source = "catalog",
    Guid? ConfigurationId = null, int QualityTier = 3, string? Endpoint = null);

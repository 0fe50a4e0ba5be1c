using Polly.CircuitBreaker;
using VoiceHelper.Ai.Chat;

namespace VoiceHelper.Assistant.ListModels;

/// <param name="Source"><c>tenant</c> (configured through the admin API, <see cref="ConfigurationId"/> set) or <c>catalog</c> (the deployment's).</param>
/// <param name="LatencyP50Ms">Measured from this instance's recent answers; null until the model answered.</param>
/// <param name="ErrorRate">Share of errors and timeouts among its recent calls.</param>
/// <param name="Endpoint">
/// Where a tenant's own model is reached, as configured (so that an edit starts from it); null for the catalog's, whose
/// addresses are the deployment's. Its API key is never returned.
/// </param>
public sealed record ListModelsItem(
    string Id,
    ChatProvider Provider,
    string Model,
    int ContextWindow,
    decimal InputPricePer1K,
    decimal OutputPricePer1K,
    int LatencyHintMs,
    double QualityHint,
    CircuitState Circuit,
    bool Available,
    string Source = "catalog",
    Guid? ConfigurationId = null,
    int QualityTier = 3,
    double? LatencyP50Ms = null,
    double ErrorRate = 0,
    Uri? Endpoint = null);

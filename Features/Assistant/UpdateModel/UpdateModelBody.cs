using System.Text.Json.Serialization;

namespace VoiceHelper.Assistant.UpdateModel;

public sealed record UpdateModelBody(
    string? Name,
    string? Provider,
    string? Endpoint,
    string? Model,
    string? ApiKey,
    [property: JsonPropertyName("input_price_per_1k")] decimal? InputPricePer1K,
    [property: JsonPropertyName("output_price_per_1k")] decimal? OutputPricePer1K,
    int? ContextWindow,
    int? QualityTier);

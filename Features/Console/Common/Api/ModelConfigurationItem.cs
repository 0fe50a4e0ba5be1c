using System.Text.Json.Serialization;

namespace VoiceHelper.Console.Common.Api;

/// <summary>A tenant's own model as the models admin API answers it (its provider key never comes back).</summary>
public sealed record ModelConfigurationItem(Guid Id, string Name, string Provider, string? Endpoint, string? Model,
    [property: JsonPropertyName("input_price_per_1k")] decimal InputPricePer1K,
    [property: JsonPropertyName("output_price_per_1k")] decimal OutputPricePer1K,
    int ContextWindow, int QualityTier, bool HasApiKey);

using System.Text.Json.Serialization;

namespace VoiceHelper.Assistant.Common;

/// <summary>A tenant's model as the admin API shows it; the API key is never shown, only whether one is set.</summary>
public sealed record ModelConfiguration(
    Guid Id,
    string Name,
    string Provider,
    string? Endpoint,
    string? Model,
    [property: JsonPropertyName("input_price_per_1k")] decimal InputPricePer1K,
    [property: JsonPropertyName("output_price_per_1k")] decimal OutputPricePer1K,
    int ContextWindow,
    int QualityTier,
    bool HasApiKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ModelConfiguration From(TenantModel m) => new(m.Id, m.Name, m.Provider, m.Endpoint, m.Model, m.InputPricePer1K,
        m.OutputPricePer1K, m.ContextWindow, m.QualityTier, m.ApiKey is not null, m.CreatedAt, m.UpdatedAt);
}

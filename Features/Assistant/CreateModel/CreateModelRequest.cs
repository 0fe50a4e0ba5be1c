using System.Text.Json.Serialization;
using MediatR;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.CreateModel;

/// <param name="ApiKey">Sent to the provider; stored, never shown again.</param>
/// <param name="QualityTier">1 (basic) to 5 (best); 3 when left out.</param>
public sealed record CreateModelRequest(
    string? Name,
    string? Provider,
    string? Endpoint,
    string? Model,
    string? ApiKey,
    [property: JsonPropertyName("input_price_per_1k")] decimal? InputPricePer1K,
    [property: JsonPropertyName("output_price_per_1k")] decimal? OutputPricePer1K,
    int? ContextWindow,
    int? QualityTier) : IRequest<Result<ModelConfiguration>>, IModelSettings;

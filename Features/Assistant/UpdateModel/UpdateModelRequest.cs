using MediatR;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.UpdateModel;

/// <summary>Replaces a model's settings; an <see cref="ApiKey"/> left out keeps the stored key.</summary>
public sealed record UpdateModelRequest(
    Guid Id,
    string? Name,
    string? Provider,
    string? Endpoint,
    string? Model,
    string? ApiKey,
    decimal? InputPricePer1K,
    decimal? OutputPricePer1K,
    int? ContextWindow,
    int? QualityTier) : IRequest<Result<ModelConfiguration>>, IModelSettings;

namespace VoiceHelper.Assistant.Common;

/// <summary>The settings of a tenant's model as a client sends them (create and update take the same fields).</summary>
public interface IModelSettings
{
    string? Name { get; }
    string? Provider { get; }
    string? Endpoint { get; }
    string? Model { get; }
    decimal? InputPricePer1K { get; }
    decimal? OutputPricePer1K { get; }
    int? ContextWindow { get; }
    int? QualityTier { get; }
}

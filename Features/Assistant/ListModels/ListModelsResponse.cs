namespace VoiceHelper.Assistant.ListModels;

/// <summary>
/// The models the caller's tenant may use in their default order (<see cref="Items"/> is that order: the tenant's own,
/// then the catalog's, the embedded answerer last), with each model's breaker state and measured health, and the
/// tenant's routing strategy (null: the default order).
/// </summary>
public sealed record ListModelsResponse(IReadOnlyList<ListModelsItem> Items, IReadOnlyList<string> FallbackChain, string? RoutingStrategy = null);

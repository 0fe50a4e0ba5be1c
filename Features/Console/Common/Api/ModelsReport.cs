namespace VoiceHelper.Console.Common.Api;

public sealed record ModelsReport(IReadOnlyList<ModelItem> Items, IReadOnlyList<string> FallbackChain, string? RoutingStrategy = null);

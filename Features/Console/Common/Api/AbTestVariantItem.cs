namespace VoiceHelper.Console.Common.Api;

/// <summary>One arm of an A/B test; the weights of a test sum to 100; a null model or prompt keeps the routing or prompt.</summary>
public sealed record AbTestVariantItem(string Name, int Weight, string? Model, string? Prompt);

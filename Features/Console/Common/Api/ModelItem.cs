namespace VoiceHelper.Console.Common.Api;

public sealed record ModelItem(string Id, string Provider, string Model, int ContextWindow, decimal InputPricePer1K,
    decimal OutputPricePer1K, int LatencyHintMs, double QualityHint, string Circuit, bool Available);

using Polly.CircuitBreaker;
using VoiceHelper.Ai.Chat;

namespace VoiceHelper.Assistant.ListModels;

public sealed record ListModelsItem(
    string Id,
    ChatProvider Provider,
    string Model,
    int ContextWindow,
    decimal InputPricePer1K,
    decimal OutputPricePer1K,
    int LatencyHintMs,
    double QualityHint,
    CircuitState Circuit,
    bool Available);

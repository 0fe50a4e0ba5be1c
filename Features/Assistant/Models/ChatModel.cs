using Microsoft.Extensions.AI;
using Polly.CircuitBreaker;
using VoiceHelper.Ai.Chat;

namespace VoiceHelper.Assistant.Models;

/// <summary>A catalog entry at run time: its settings and its client (the model servers' behind a circuit breaker).</summary>
/// <param name="Key">Where its health is kept: the catalog id, or tenant and name for a tenant's model.</param>
/// <param name="QualityTier">1..5 for routing; a catalog model's comes from its quality hint.</param>
public sealed record ChatModel(ChatModelOptions Options, IChatClient Client, string? Key = null, int? QualityTier = null)
{
    public string Id => Options.Id;

    public string HealthKey => Key ?? Options.Id;

    public int Tier => QualityTier ?? Math.Clamp((int)Math.Round(Options.QualityHint * 4) + 1, 1, 5);

    public bool LastResort => Options.Provider == ChatProvider.Extractive;

    /// <summary>The breaker's state; the extractive answerer has none and is always closed.</summary>
    public CircuitState Circuit => Client.GetService<CircuitBreakingChatClient>()?.State ?? CircuitState.Closed;
}

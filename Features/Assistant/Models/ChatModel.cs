using Microsoft.Extensions.AI;
using Polly.CircuitBreaker;
using VoiceHelper.Ai.Chat;

namespace VoiceHelper.Assistant.Models;

/// <summary>A catalog entry at run time: its settings and its client (the model servers' behind a circuit breaker).</summary>
public sealed record ChatModel(ChatModelOptions Options, IChatClient Client)
{
    public string Id => Options.Id;

    /// <summary>The breaker's state; the extractive answerer has none and is always closed.</summary>
    public CircuitState Circuit => Client.GetService<CircuitBreakingChatClient>()?.State ?? CircuitState.Closed;
}

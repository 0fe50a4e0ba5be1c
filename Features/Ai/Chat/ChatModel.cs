using Microsoft.Extensions.AI;

namespace VoiceHelper.Ai.Chat;

/// <summary>A catalog entry at run time: its settings, its client and its breaker.</summary>
public sealed record ChatModel(ChatModelOptions Options, IChatClient Client, CircuitBreaker Breaker)
{
    public string Id => Options.Id;
}

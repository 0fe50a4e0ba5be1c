using System.ComponentModel.DataAnnotations;
using VoiceHelper.Ai.Chat;

namespace VoiceHelper.Conversations.SummarizeConversation;

/// <summary>
/// The summary model (<c>Conversations:Summaries</c>). Without <see cref="Model"/> (the default) nothing is summarised
/// and turns that leave the context window are simply no longer sent.
/// </summary>
public sealed class SummarizeConversationOptions
{
    public const string Section = "Conversations:Summaries";

    /// <summary>Service key of the summary model's <c>IChatClient</c>.</summary>
    public const string ChatClientKey = "conversation-summaries";

    /// <summary>An OpenAI-compatible endpoint and model (OpenAI, Ollama's /v1, vLLM); null turns summaries off.</summary>
    public ChatModelOptions? Model { get; set; }

    /// <summary>The summary's own budget: it is sent with every turn on top of the context window, so it must stay small.</summary>
    [Range(50, 4_000)] public int MaxSummaryTokens { get; set; } = 400;

    /// <summary>Tokens of evicted messages folded in by one call; a long backlog (summaries turned on late) catches up over several turns.</summary>
    [Range(200, 32_000)] public int MaxBatchTokens { get; set; } = 3_000;

    public bool Enabled => Model is not null;
}

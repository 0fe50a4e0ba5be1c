using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Ai.Chat;

/// <summary>One entry of the model catalog.</summary>
public sealed class ChatModelOptions
{
    [Required] public string Id { get; set; } = "";

    public ChatProvider Provider { get; set; } = ChatProvider.OpenAiCompatible;

    /// <summary>Base address of an OpenAI-compatible API (OpenAI, Ollama's /v1, vLLM); the SDK appends /chat/completions.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model name sent to the provider; defaults to <see cref="Id"/>.</summary>
    public string? Model { get; set; }

    /// <summary>Local servers (Ollama, vLLM) take any key.</summary>
    public string ApiKey { get; set; } = "none";

    public int ContextWindow { get; set; } = 8192;
    public decimal InputPricePer1K { get; set; }
    public decimal OutputPricePer1K { get; set; }
    public int LatencyHintMs { get; set; }

    /// <summary>Relative answer quality, 0..1, for routing and display.</summary>
    public double QualityHint { get; set; }

    /// <summary>How long to wait for the whole answer (or, streamed, for the next delta) before falling back.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public decimal Cost(long inputTokens, long outputTokens) =>
        (inputTokens * InputPricePer1K + outputTokens * OutputPricePer1K) / 1000m;
}

using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.ChatCompletions;

/// <summary>
/// Token counts in OpenAI's shape. The pipeline reports one total per answer (<see cref="RagMetrics.TokensUsed"/>, the
/// model's input and output, 0 for an extractive or cached answer); it is given as completion tokens.
/// </summary>
public sealed record ChatCompletionsUsage(long PromptTokens, long CompletionTokens, long TotalTokens)
{
    public static ChatCompletionsUsage From(RagAnswer answer) => new(0, answer.Metrics.TokensUsed, answer.Metrics.TokensUsed);
}

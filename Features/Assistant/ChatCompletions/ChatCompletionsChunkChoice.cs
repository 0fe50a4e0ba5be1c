namespace VoiceHelper.Assistant.ChatCompletions;

/// <summary>A streamed choice: <paramref name="FinishReason"/> stays null (written as null, as OpenAI does) until the last chunk.</summary>
public sealed record ChatCompletionsChunkChoice(int Index, ChatCompletionsDelta Delta, string? FinishReason);

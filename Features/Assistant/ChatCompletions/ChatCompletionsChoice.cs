namespace VoiceHelper.Assistant.ChatCompletions;

/// <summary>The one choice of a completion (VoiceHelper answers once: <c>n</c> is ignored).</summary>
public sealed record ChatCompletionsChoice(int Index, ChatCompletionsDelta Message, string FinishReason)
{
    public const string Stop = "stop";
}

using System.Text.Json.Serialization;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.ChatCompletions;

/// <summary>
/// OpenAI's <c>chat.completion</c>. The answer cites its sources as <c>[n]</c> in the text; <paramref name="Sources"/> (an extra
/// field, which OpenAI clients ignore) says what each number points at.
/// </summary>
public sealed record ChatCompletionsResponse(
    string Id, long Created, string Model, IReadOnlyList<ChatCompletionsChoice> Choices, ChatCompletionsUsage Usage, IReadOnlyList<RagSource> Sources)
{
    [JsonPropertyName("object")] public string Kind => "chat.completion";

    public static ChatCompletionsResponse From(ChatCompletionsRun run, RagAnswer answer) => new(run.Id, run.Created, run.Model,
        [new ChatCompletionsChoice(0, new ChatCompletionsDelta(ChatCompletionsConversation.Assistant, answer.Answer), ChatCompletionsChoice.Stop)],
        ChatCompletionsUsage.From(answer), answer.Sources.Where(s => s.Cited).ToList());
}

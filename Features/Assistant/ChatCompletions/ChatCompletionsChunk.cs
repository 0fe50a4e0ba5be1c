using System.Text.Json.Serialization;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.ChatCompletions;

/// <summary>OpenAI's <c>chat.completion.chunk</c>; the last one carries the finish reason, the usage and the cited sources.</summary>
public sealed record ChatCompletionsChunk(
    string Id, long Created, string Model, IReadOnlyList<ChatCompletionsChunkChoice> Choices,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ChatCompletionsUsage? Usage = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RagSource>? Sources = null)
{
    [JsonPropertyName("object")] public string Kind => "chat.completion.chunk";
}

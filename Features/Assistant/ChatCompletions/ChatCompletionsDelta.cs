using System.Text.Json.Serialization;

namespace VoiceHelper.Assistant.ChatCompletions;

/// <summary>A message (or, streamed, the next piece of one); absent fields are left out, as OpenAI does.</summary>
public sealed record ChatCompletionsDelta(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Content = null);

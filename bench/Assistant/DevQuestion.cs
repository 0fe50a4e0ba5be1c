using System.Text.Json.Serialization;

namespace VoiceHelper.Assistant.Bench;

/// <summary>One line of devset/questions.jsonl; <see cref="Doc"/> null marks a question the documents do not answer.</summary>
internal sealed record DevQuestion(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("doc")] string? Doc,
    [property: JsonPropertyName("facts")] string[] Facts,
    [property: JsonPropertyName("split")] string? Split = null);

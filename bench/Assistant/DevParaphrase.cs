using System.Text.Json.Serialization;

namespace VoiceHelper.Assistant.Bench;

internal sealed record DevParaphrase(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("paraphrase")] string Paraphrase);

using System.Text.Json;

namespace VoiceHelper.Assistant.ChatCompletions;

/// <summary>One message of an OpenAI chat request; <paramref name="Content"/> is a string or an array of content parts.</summary>
public sealed record ChatCompletionsMessage(string Role, JsonElement? Content = null);

using System.Text;
using System.Text.Json;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.ChatCompletions;

/// <summary>
/// An OpenAI conversation as the answer pipeline's question: the last user message is the query, earlier user and
/// assistant messages are the history. System and developer messages are not followed: the grounded prompt is VoiceHelper's
/// own, and a client's instructions must not turn a grounded model into an ungrounded one.
/// </summary>
public static class ChatCompletionsConversation
{
    public const string User = "user";
    public const string Assistant = "assistant";
    public static readonly IReadOnlyList<string> Roles = ["system", "developer", User, Assistant, "tool", "function"];

    public static RagQueryRequest ToQuestion(IReadOnlyList<ChatCompletionsMessage> messages, IReadOnlyList<Guid> knowledgeBaseIds, bool stream)
    {
        var history = messages.Take(messages.Count - 1)
            .Where(m => m.Role is User or Assistant)
            .Select(m => new RagTurn(m.Role, Text(m.Content)))
            .Where(t => t.Content.Length > 0)
            .TakeLast(RagQueryRequest.MaxHistoryMessages)
            .ToList();
        return new RagQueryRequest(Text(messages[^1].Content), knowledgeBaseIds, Stream: stream, History: history.Count == 0 ? null : history);
    }

    /// <summary>The text of a message: a string, or the <c>text</c> parts of a content array (images and audio are not read).</summary>
    public static string Text(JsonElement? content)
    {
        switch (content)
        {
            case { ValueKind: JsonValueKind.String } text:
                return text.GetString()!.Trim();
            case { ValueKind: JsonValueKind.Array } parts:
                var joined = new StringBuilder();
                foreach (var part in parts.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var type) && type.ValueEquals("text")
                        && part.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        joined.Append(joined.Length == 0 ? "" : "\n").Append(value.GetString());
                    }
                }
                return joined.ToString().Trim();
            default:
                return "";
        }
    }
}

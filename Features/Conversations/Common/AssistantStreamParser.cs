using System.Text.Json;

namespace VoiceHelper.Conversations.Common;

/// <summary>
/// Reads one event of the Assistant's stream. The contract names the events (refs, token, end) but not every
/// payload shape, so the parser accepts the common ones: a token as <c>{"delta"|"token"|"text"|"content": "..."}</c>,
/// a JSON string or raw text; sources as an array or <c>{"sources": [...]}</c>; metrics at the top of the end
/// event or under <c>metrics</c>. An <c>error</c> event becomes an <see cref="AssistantException"/>.
/// </summary>
public static class AssistantStreamParser
{
    public static AssistantStreamEvent? Parse(string kind, string data)
    {
        switch (kind)
        {
            case AssistantStreamEvent.Token:
                return new AssistantStreamEvent(kind, Delta: ReadDelta(data));
            case AssistantStreamEvent.Refs:
                var refs = TryParse(data);
                var sources = refs is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("sources", out var inner) ? inner : refs;
                return new AssistantStreamEvent(kind, Sources: sources?.Clone());
            case AssistantStreamEvent.End:
                var end = TryParse(data);
                if (end is not { ValueKind: JsonValueKind.Object } e)
                {
                    return new AssistantStreamEvent(kind);
                }
                var metrics = e.TryGetProperty("metrics", out var m) ? m : e;
                var model = e.TryGetProperty("model", out var md) && md.ValueKind == JsonValueKind.String ? md.GetString() : null;
                var answer = e.TryGetProperty("answer", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
                var final = e.TryGetProperty("sources", out var src) ? src.Clone() : (JsonElement?)null;
                return new AssistantStreamEvent(kind, Sources: final, Metrics: metrics.Deserialize<AssistantMetrics>(AssistantClient.Json), Model: model, Answer: answer);
            case "error":
                throw new AssistantException($"The assistant's stream reported an error: {data[..Math.Min(data.Length, 300)]}");
            default:
                return null;
        }
    }

    private static string ReadDelta(string data)
    {
        var json = TryParse(data);
        if (json is { ValueKind: JsonValueKind.String } s)
        {
            return s.GetString() ?? "";
        }
        if (json is { ValueKind: JsonValueKind.Object } o)
        {
            foreach (var name in (string[])["delta", "token", "text", "content"])
            {
                if (o.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString() ?? "";
                }
            }
        }
        return data;
    }

    private static JsonElement? TryParse(string data)
    {
        try
        {
            return JsonDocument.Parse(data).RootElement;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Text.Json;

namespace VoiceHelper.Assistant.Agent;

/// <summary>
/// Checks a tool call's arguments against the tool's JSON schema before it runs: required properties present, no
/// unknown ones, and each value of the declared primitive type. A model's malformed call becomes an observation it can
/// correct, not an exception inside a tool.
/// </summary>
public static class AgentToolArguments
{
    public static string? Problem(JsonElement schema, IDictionary<string, object?>? arguments)
    {
        var given = (arguments ?? new Dictionary<string, object?>()).ToDictionary(a => a.Key, a => ToJson(a.Value));
        var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!given.TryGetValue(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                {
                    return $"missing required argument '{name}'";
                }
            }
        }
        foreach (var (name, value) in given)
        {
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var property))
            {
                return $"unknown argument '{name}'";
            }
            if (!Matches(property, value))
            {
                return $"argument '{name}' must be {Describe(property)}";
            }
        }
        return null;
    }

    private static JsonElement ToJson(object? value) => value switch
    {
        JsonElement element => element,
        null => default,
        _ => JsonSerializer.SerializeToElement(value),
    };

    private static bool Matches(JsonElement property, JsonElement value)
    {
        if (!property.TryGetProperty("type", out var type))
        {
            return true;
        }
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        return types.Any(t => t switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "array" => value.ValueKind == JsonValueKind.Array,
            "object" => value.ValueKind == JsonValueKind.Object,
            "null" => value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined,
            _ => true,
        });
    }

    private static string Describe(JsonElement property) =>
        property.TryGetProperty("type", out var type) ? $"of type {type}" : "valid";
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>Payloads are snake_case JSON, like the public API, so any language can consume the topics.</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>Server events as text frames: a JSON object whose first member is its <c>type</c>, snake_case, nulls left out.</summary>
public static class VoiceCallEvents
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Serialize(string type, object payload)
    {
        var body = JsonSerializer.SerializeToNode(payload, Json)!.AsObject();
        body.Insert(0, "type", type);
        return Encoding.UTF8.GetBytes(body.ToJsonString(Json));
    }
}

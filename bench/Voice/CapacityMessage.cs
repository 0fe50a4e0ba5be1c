using System.Text.Json;

namespace VoiceHelper.Voice.Bench;

/// <summary>What a capacity caller received and when: a JSON event, or <see cref="AudioBytes"/> of answer audio.</summary>
internal readonly record struct CapacityMessage(long At, JsonElement? Event, int AudioBytes)
{
    public string? Type => Event?.GetProperty("type").GetString();
}

using System.Text.Json;

namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>A text frame from the client: its <c>type</c> and the whole JSON object.</summary>
public sealed record VoiceCallClientEvent(string Type, JsonElement Body)
{
    public const string SessionUpdate = "session.update";
    public const string SessionAuth = "session.auth";
    public const string InputCommit = "input.commit";
    public const string ResponseCancel = "response.cancel";
    public const string PlaybackMark = "playback.mark";
    public const string Ping = "ping";

    public static readonly string[] Types = [SessionUpdate, SessionAuth, InputCommit, ResponseCancel, PlaybackMark, Ping];

    /// <summary>Reads a text frame, or says why it is not a client event.</summary>
    public static (VoiceCallClientEvent? Event, VoiceCallError? Error) Parse(ReadOnlySpan<byte> utf8)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, new VoiceCallError("invalid_json", "A text frame must be one JSON object."));
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return (null, new VoiceCallError("invalid_event", "An event is a JSON object with a string \"type\"."));
        }
        var name = type.GetString()!;
        return Types.Contains(name)
            ? (new VoiceCallClientEvent(name, root), null)
            : (null, new VoiceCallError("unknown_event", $"Unknown event type '{(name.Length > 40 ? name[..40] : name)}'. Known: {string.Join(", ", Types)}."));
    }
}

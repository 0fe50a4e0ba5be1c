using System.Text.Json;
using VoiceHelper.Voice.Common;

namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>Applies a <c>session.update</c> to a call's settings: all of it or, if any field is wrong, none of it.</summary>
public static class VoiceCallSettingsDecision
{
    public static (VoiceCallSettings? Settings, VoiceCallError? Error) Apply(VoiceCallSettings current, JsonElement update, IReadOnlyList<string> voices, VoiceOptions options)
    {
        var next = current;
        var body = update.TryGetProperty("session", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : update;
        foreach (var field in body.EnumerateObject())
        {
            var value = field.Value;
            switch (field.Name)
            {
                case "type":
                    continue;
                case "language":
                    var language = VoiceCatalog.NormalizeLanguage(value.ValueKind == JsonValueKind.String ? value.GetString() : null);
                    if (language is null)
                    {
                        return Invalid("language must be en or zh.");
                    }
                    // A language change brings its default voice unless the same update names one.
                    next = next with { Language = language, Voice = language == current.Language ? next.Voice : VoiceCatalog.DefaultFor(language, options) };
                    break;
                case "voice":
                    if (value.ValueKind != JsonValueKind.String || !voices.Contains(value.GetString()))
                    {
                        return Invalid($"voice must be one of {string.Join(", ", voices)}.");
                    }
                    next = next with { Voice = value.GetString()! };
                    break;
                case "vad_threshold":
                    if (!value.TryGetDouble(out var threshold) || threshold is < 0.05 or > 0.95)
                    {
                        return Invalid("vad_threshold must be a number from 0.05 to 0.95.");
                    }
                    next = next with { VadThreshold = (float)threshold };
                    break;
                case "end_of_turn_silence_ms":
                    if (!value.TryGetInt32(out var silence) || silence is < 100 or > 5_000)
                    {
                        return Invalid("end_of_turn_silence_ms must be an integer from 100 to 5000.");
                    }
                    next = next with { EndOfTurnSilenceMs = silence, MaxEndOfTurnSilenceMs = Math.Max(next.MaxEndOfTurnSilenceMs, silence) };
                    break;
                case "max_end_of_turn_silence_ms":
                    if (!value.TryGetInt32(out var ceiling) || ceiling is < 100 or > 10_000)
                    {
                        return Invalid("max_end_of_turn_silence_ms must be an integer from 100 to 10000.");
                    }
                    next = next with { MaxEndOfTurnSilenceMs = ceiling };
                    break;
                case "barge_in":
                    if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        return Invalid("barge_in must be true or false.");
                    }
                    next = next with { BargeIn = value.GetBoolean() };
                    break;
                case "min_barge_in_ms":
                    if (!value.TryGetInt32(out var minimum) || minimum is < 0 or > 5_000)
                    {
                        return Invalid("min_barge_in_ms must be an integer from 0 to 5000.");
                    }
                    next = next with { MinBargeInMs = minimum };
                    break;
                default:
                    return Invalid($"Unknown setting '{(field.Name.Length > 40 ? field.Name[..40] : field.Name)}'.");
            }
        }
        if (next.MaxEndOfTurnSilenceMs < next.EndOfTurnSilenceMs)
        {
            return Invalid("max_end_of_turn_silence_ms must be at least end_of_turn_silence_ms.");
        }
        return (next, null);

        static (VoiceCallSettings?, VoiceCallError?) Invalid(string message) => (null, new VoiceCallError("invalid_settings", message));
    }
}

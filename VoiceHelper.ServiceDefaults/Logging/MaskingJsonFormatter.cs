using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace VoiceHelper.ServiceDefaults.Logging;

/// <summary>One JSON object per line, with trace ids, and personal data masked before it is written.</summary>
internal sealed class MaskingJsonFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "voicehelper-json";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            json.WriteString("message", LogMasking.Mask(message ?? ""));
            if (Activity.Current is { } activity)
            {
                json.WriteString("trace_id", activity.TraceId.ToString());
                json.WriteString("span_id", activity.SpanId.ToString());
            }
            if (logEntry.Exception is { } exception)
            {
                json.WriteString("exception", LogMasking.Mask(exception.ToString()));
            }
            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> state)
            {
                json.WriteStartObject("state");
                foreach (var (key, value) in state.Where(p => p.Key != "{OriginalFormat}"))
                {
                    json.WriteString(key, LogMasking.Mask(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        textWriter.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}

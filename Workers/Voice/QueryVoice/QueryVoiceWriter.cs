using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using VoiceHelper.Voice.HoldVoiceCall;

namespace VoiceHelper.Voice.QueryVoice;

/// <summary>Writes NDJSON lines, flushing each so the caller hears the first sentence before the last is written.</summary>
public sealed class QueryVoiceWriter(HttpResponse response)
{
    private bool started;

    public async Task WriteAsync(object line, CancellationToken cancellationToken)
    {
        if (!started)
        {
            started = true;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/x-ndjson";
            response.Headers["X-Accel-Buffering"] = "no";
            response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        }
        await response.WriteAsync(JsonSerializer.Serialize(line, VoiceCallEvents.Json) + "\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using VoiceHelper.Contracts.Api;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Conversations.SendMessage;

/// <summary>Writes the answer as server-sent events, starting the response only when the first event is ready.</summary>
public sealed class SendMessageEventWriter(HttpResponse response, JsonSerializerOptions json)
{
    public bool Started { get; private set; }

    public Task WriteAsync(AssistantStreamEvent streamed, CancellationToken cancellationToken) => streamed.Kind switch
    {
        RagStreamEvents.Refs => WriteAsync(RagStreamEvents.Refs, new RagRefs(streamed.Sources ?? []), cancellationToken),
        RagStreamEvents.Token => WriteAsync(RagStreamEvents.Token, new RagToken(streamed.Delta ?? ""), cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>Ends the stream with the stored message (<c>end</c>) or the failure (<c>error</c>); a client already gone is ignored.</summary>
    public async Task FinishAsync(Result<MessageResponse> result)
    {
        try
        {
            if (result.IsSuccess)
            {
                await WriteAsync("end", result.Value!, CancellationToken.None);
            }
            else
            {
                await WriteAsync("error", new { code = result.Error!.Code, detail = result.Error.Message }, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client left; the message is already stored.
        }
    }

    public async Task WriteAsync(string name, object payload, CancellationToken cancellationToken)
    {
        if (!Started)
        {
            Started = true;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            // nginx buffers proxied responses by default; this header turns that off for the stream.
            response.Headers["X-Accel-Buffering"] = "no";
            response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        }
        await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(payload, json)}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}

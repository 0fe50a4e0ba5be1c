using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>
/// Writes the answer as server-sent events: <c>refs</c> (the sources, first), <c>token</c> (deltas), <c>end</c> (the
/// final answer and metrics, last). The <c>end</c> answer is authoritative: the self-check may have removed
/// sentences that were already streamed. Errors found before the first event are ordinary problem responses.
/// </summary>
public sealed class QueryRagEventStream(HttpResponse response, IOptions<JsonOptions> json) : IQueryRagStream
{
    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;
    private bool _started;

    public async ValueTask RefsAsync(IReadOnlyList<QueryRagSource> sources, CancellationToken cancellationToken) =>
        await WriteAsync("refs", new { sources }, cancellationToken);

    public async ValueTask TokenAsync(string delta, CancellationToken cancellationToken) =>
        await WriteAsync("token", new { delta }, cancellationToken);

    public async Task<IResult> CompleteAsync(Result<QueryRagResponse> result, CancellationToken cancellationToken)
    {
        if (!result.IsSuccess && !_started)
        {
            return result.Error!.ToProblem();
        }
        if (result.IsSuccess)
        {
            await WriteAsync("end", result.Value!, cancellationToken);
        }
        else
        {
            await WriteAsync("error", new { code = result.Error!.Code, detail = result.Error.Message }, cancellationToken);
        }
        return Results.Empty;
    }

    private async Task WriteAsync<T>(string name, T data, CancellationToken cancellationToken)
    {
        if (!_started)
        {
            _started = true;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            // nginx buffers proxied responses by default; an answer must reach the client as it is produced.
            response.Headers["X-Accel-Buffering"] = "no";
        }
        await response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, _json)}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}

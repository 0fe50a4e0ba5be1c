using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Voice.Common;

namespace VoiceHelper.Voice.QueryVoice;

/// <summary>
/// <c>POST /api/v1/voice/query</c>: one spoken question as a WAV file (any common rate, mono or stereo), answered as
/// NDJSON: <c>transcription</c>, the answer's <c>delta</c>s, <c>audio</c> chunks (base64 16 kHz PCM16, one per
/// sentence, as soon as it is synthesized) and <c>done</c> with the stored message and its sources. Audio that cannot
/// be read is a 400 problem before anything streams. The work is <see cref="QueryVoiceHandler"/>'s.
/// </summary>
public sealed class QueryVoiceEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var limit = routes.ServiceProvider.GetRequiredService<IOptions<VoiceOptions>>().Value.MaxQueryAudioBytes;
        routes.MapPost("/api/v1/voice/query", QueryAsync)
            .WithName("QueryVoice")
            .WithTags("Voice")
            .WithSummary("Answers a spoken question (WAV) with its transcription, the answer text and its speech, as NDJSON.")
            .RequireAuthorization(Policies.Authenticated)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limit + 64 * 1024))
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);
    }

    private static async Task<IResult> QueryAsync(HttpContext http, IServiceProvider services, IOptions<VoiceOptions> options, CancellationToken ct)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        var file = form is null ? null : form.Files["audio"] ?? form.Files["file"] ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (QueryVoiceDecision.CheckUpload(form is not null, file?.Length, options.Value.MaxQueryAudioBytes) is { } refused)
        {
            return refused.ToProblem();
        }
        var (fields, invalid) = QueryVoiceForm.Read(form!);
        if (invalid is not null)
        {
            return Error.Invalid(invalid.Value.Code, invalid.Value.Message).ToProblem();
        }
        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, ct);
        var token = http.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var writer = new QueryVoiceWriter(http.Response);
        var handler = ActivatorUtilities.CreateInstance<QueryVoiceHandler>(services);
        var error = await handler.HandleAsync(new QueryVoiceRequest(buffer.ToArray(), fields, token, writer.WriteAsync), ct);
        return error is null ? Results.Empty : error.ToProblem();
    }
}

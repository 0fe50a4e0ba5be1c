using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.ServiceDefaults.Http;

/// <summary>
/// Refuses a body whose declared length is over the endpoint's limit with a 413 problem, after reading the body
/// to its end. Kestrel's own refusal closes the connection while the sender is still writing: nginx then sees a
/// reset and answers its 502 page instead of our 413. Bodies without a declared length still meet Kestrel's limit
/// (the exception handler makes that a 413 problem too).
/// </summary>
internal sealed class RequestSizeMiddleware(RequestDelegate next, IOptions<RequestSizeOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limitFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (context.Request.ContentLength is not { } length || limitFeature?.MaxRequestBodySize is not { } limit || length <= limit)
        {
            await next(context);
            return;
        }
        if (length <= options.Value.MaxDrainBytes && !limitFeature.IsReadOnly)
        {
            limitFeature.MaxRequestBodySize = null;
            await DrainAsync(context.Request.Body, context.RequestAborted);
        }
        else
        {
            // Too much to read for nothing: say so and let the connection go.
            context.Response.Headers.Connection = "close";
        }
        await ProblemWriter.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "payload_too_large",
            $"The request body is larger than this endpoint accepts ({limit} bytes).");
    }

    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (await body.ReadAsync(buffer, cancellationToken) > 0)
        {
        }
    }
}

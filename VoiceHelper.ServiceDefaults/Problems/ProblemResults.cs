using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace VoiceHelper.ServiceDefaults.Problems;

/// <summary>The one place where an <see cref="Error"/> becomes an RFC 7807 response.</summary>
public static class ProblemResults
{
    public const string CodeKey = "code";

    /// <summary>Seconds until a retry may succeed; also sent as the <c>Retry-After</c> header.</summary>
    public const string RetryAfterKey = "retry_after";

    public static ProblemHttpResult ToProblem(this Error error)
    {
        var extensions = new Dictionary<string, object?> { [CodeKey] = error.Code };
        if (error.Fields is not null)
        {
            extensions["errors"] = error.Fields;
        }
        if (error.RetryAfter is { } retryAfter)
        {
            extensions[RetryAfterKey] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        }
        return TypedResults.Problem(
            detail: error.Message,
            statusCode: error.Status,
            title: TitleFor(error.Status),
            extensions: extensions);
    }

    /// <summary>Maps a result to 200 with its value, or to a problem; the typed union documents the endpoint's 200.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToHttpResult<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();

    /// <summary>Maps a result to the success the caller picks (<c>TypedResults.Created(...)</c>), or to a problem.</summary>
    public static Results<TSuccess, ProblemHttpResult> ToHttpResult<T, TSuccess>(this Result<T> result, Func<T, TSuccess> onSuccess)
        where TSuccess : IResult =>
        result.IsSuccess ? onSuccess(result.Value!) : result.Error!.ToProblem();

    /// <summary>Maps a result without a value to 204, or to a problem.</summary>
    public static Results<NoContent, ProblemHttpResult> ToHttpResult(this Result result) =>
        result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();

    public static string TitleFor(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        423 => "Locked",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => status >= 500 ? "Internal Server Error" : "Error",
    };

    internal static string DefaultCode(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        503 => "service_unavailable",
        _ => status >= 500 ? "internal_error" : "error",
    };
}

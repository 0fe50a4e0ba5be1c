using Microsoft.AspNetCore.Http;

namespace VoiceHelper.Assistant.Common;

/// <summary>
/// Errors on the OpenAI-compatible routes (<c>/v1/</c>) stay RFC 7807 problems with a stable <c>code</c>, and also carry
/// OpenAI's <c>error</c> object (<c>message</c>, <c>type</c>, <c>code</c>), which OpenAI SDKs and chat UIs read and show.
/// </summary>
public static class OpenAiErrors
{
    public const string PathPrefix = "/v1";

    public static IServiceCollection AddOpenAiErrors(this IServiceCollection services) =>
        services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var previous = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                if (!context.HttpContext.Request.Path.StartsWithSegments(PathPrefix))
                {
                    return;
                }
                var problem = context.ProblemDetails;
                var status = problem.Status ?? context.HttpContext.Response.StatusCode;
                problem.Extensions["error"] = new Dictionary<string, object?>
                {
                    ["message"] = problem.Detail ?? problem.Title,
                    ["type"] = TypeFor(status),
                    ["param"] = null,
                    ["code"] = problem.Extensions.TryGetValue("code", out var code) ? code : null,
                };
            };
        });

    /// <summary>OpenAI's error types, by status.</summary>
    public static string TypeFor(int status) => status switch
    {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        >= 500 => "api_error",
        _ => "invalid_request_error",
    };
}

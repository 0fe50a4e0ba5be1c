using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceHelper.ServiceDefaults.Problems;

internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddVoiceHelperProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Title ??= ProblemResults.TitleFor(status);
            problem.Extensions.TryAdd(ProblemResults.CodeKey, ProblemResults.DefaultCode(status));
            // ASP.NET Core adds the W3C trace id itself; with the snake_case policy it is written as "trace_id".
            problem.Extensions.Remove("requestId");
            // Headers cannot ride on a typed problem result; the extension carries the delay to here.
            if (problem.Extensions.TryGetValue(ProblemResults.RetryAfterKey, out var seconds) && seconds is int delay)
            {
                context.HttpContext.Response.Headers.RetryAfter = delay.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        return services;
    }

    /// <summary>Unhandled exceptions and bad requests become ProblemDetails; no stack trace leaves the process.</summary>
    public static void UseVoiceHelperExceptionHandler(this WebApplication app)
    {
        app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
        {
            var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, code, detail, fields) = Classify(exception);
            if (status >= 500)
            {
                app.Logger.LogError(exception, "Unhandled exception on {Path}", context.Request.Path);
            }
            context.Response.StatusCode = status;
            var problem = new ProblemDetails { Status = status, Title = ProblemResults.TitleFor(status), Detail = detail };
            problem.Extensions[ProblemResults.CodeKey] = code;
            if (fields is not null)
            {
                problem.Extensions["errors"] = fields;
            }
            var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await writer.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        }));
        app.UseStatusCodePages(async statusContext =>
        {
            var context = statusContext.HttpContext;
            var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await writer.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = context.Response.StatusCode },
            });
        });
    }

    internal static (int Status, string Code, string Detail, Dictionary<string, string[]>? Fields) Classify(Exception? exception)
    {
        switch (exception)
        {
            case BadHttpRequestException { InnerException: JsonException json }:
                return JsonProblem(json);
            case JsonException json:
                return JsonProblem(json);
            case BadHttpRequestException { StatusCode: 413 }:
                return (413, "payload_too_large", "The request body is larger than this endpoint accepts.", null);
            case BadHttpRequestException bad:
                return (bad.StatusCode, bad.StatusCode == 415 ? "unsupported_media_type" : "bad_request", bad.Message, null);
            case OperationCanceledException:
                return (499, "request_cancelled", "The request was cancelled.", null);
            default:
                return (500, "internal_error", "An unexpected error occurred. Quote the trace_id when reporting it.", null);
        }
    }

    private static (int, string, string, Dictionary<string, string[]>?) JsonProblem(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "$" : json.Path.TrimStart('$', '.');
        return (400, "invalid_json", "The request body is not valid JSON for this endpoint.",
            new Dictionary<string, string[]> { [field] = [$"Invalid value at '{json.Path ?? "$"}'."] });
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.ServiceDefaults.Http;

/// <summary>
/// CORS for the routes a website's chat widget calls from its page. Preflights are answered for any origin: they carry
/// no credential, and nothing is sent with cookies (the widget holds a bearer token), so what protects these routes is the
/// visitor token's origin check, not CORS. Actual responses are opened to the page only for the session exchange (so the
/// widget can read a refusal's code) and for a visitor whose token's origin matched.
/// </summary>
public sealed class WidgetCorsMiddleware(RequestDelegate next)
{
    private static readonly PathString[] WidgetPaths = [new("/api/v1/widget"), new("/api/v1/conversations")];

    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !WidgetPaths.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            return next(context);
        }
        var headers = context.Response.Headers;
        if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod))
        {
            headers.AccessControlAllowOrigin = origin;
            headers.AccessControlAllowMethods = "GET, POST, PATCH, DELETE, OPTIONS";
            headers.AccessControlAllowHeaders = "authorization, content-type, accept, idempotency-key";
            headers.AccessControlMaxAge = "600";
            headers.Vary = "Origin";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }
        var session = context.Request.Path.StartsWithSegments("/api/v1/widget");
        context.Response.OnStarting(() =>
        {
            if (session || WidgetVisitor.IsVisitor(context.User))
            {
                headers.AccessControlAllowOrigin = origin;
                headers.AccessControlExposeHeaders = "Retry-After, Location";
                headers.Append(HeaderNames.Vary, "Origin");
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}

using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using VoiceHelper.Contracts;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.ServiceDefaults.Http;

/// <summary>
/// ASP.NET Core CORS for the routes a website's chat widget calls from its page. Preflights are answered for any origin:
/// they carry no credential, and nothing is sent with cookies (the widget holds a bearer token), so what protects these
/// routes is the visitor token's origin check, not CORS. Actual responses are opened to the page only for the session
/// exchange (so the widget can read a refusal's code), to the origin in an authenticated visitor's token (the policy
/// runs after authentication), and for a request whose token did not authenticate (unless it was refused for coming
/// from another page): its 401 carries no data, and a widget whose token expired must read it to exchange its key again
/// instead of seeing a network error.
/// </summary>
internal sealed class WidgetCorsPolicyProvider : ICorsPolicyProvider
{
    private static readonly PathString[] WidgetPaths = [new("/api/v1/widget"), new("/api/v1/conversations")];

    private static readonly CorsPolicy AnyPage = Policy().SetIsOriginAllowed(_ => true).Build();

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        var request = context.Request;
        if (!WidgetPaths.Any(p => request.Path.StartsWithSegments(p)))
        {
            return Task.FromResult<CorsPolicy?>(null);
        }
        var preflight = HttpMethods.IsOptions(request.Method) && request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod);
        var unauthenticated = context.User.Identity?.IsAuthenticated != true && !AuthenticationSetup.IsForeignOriginVisitor(context);
        if (preflight || unauthenticated || request.Path.StartsWithSegments("/api/v1/widget"))
        {
            return Task.FromResult<CorsPolicy?>(AnyPage);
        }
        return Task.FromResult(WidgetVisitor.IsVisitor(context.User) && context.User.FindFirst(ClaimNames.Origin)?.Value is { } origin
            ? Policy().WithOrigins(origin).Build()
            : null);
    }

    private static CorsPolicyBuilder Policy() => new CorsPolicyBuilder()
        .WithMethods("GET", "POST", "PATCH", "DELETE")
        .WithHeaders("authorization", "content-type", "accept", "idempotency-key")
        .WithExposedHeaders("Retry-After", "Location")
        .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
}

using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceHelper.Contracts;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.ServiceDefaults.Http;

internal static class RateLimitSetup
{
    public static IServiceCollection AddVoiceHelperRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var limits = configured.Value;
            var perCaller = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!EdgeRequest.CameThroughGateway(context))
                {
                    return RateLimitPartition.GetNoLimiter("internal");
                }
                var user = context.User.FindFirst(ClaimNames.Subject)?.Value;
                if (user is not null && Permits(context, ClaimNames.VisitorPermits) is { } visitorPermits)
                {
                    return RateLimitPartition.GetFixedWindowLimiter($"visitor:{user}", _ => Window(visitorPermits, limits.Window));
                }
                return user is not null
                    ? RateLimitPartition.GetFixedWindowLimiter($"user:{user}", _ => Window(limits.PermitsPerUser, limits.Window))
                    : RateLimitPartition.GetFixedWindowLimiter($"ip:{Ip(context)}", _ => Window(limits.PermitsPerIp, limits.Window));
            });
            var perTenant = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                EdgeRequest.CameThroughGateway(context) && context.User.FindFirst(ClaimNames.Tenant)?.Value is { } tenant
                    ? RateLimitPartition.GetFixedWindowLimiter($"tenant:{tenant}", _ => Window(limits.PermitsPerTenant, limits.Window))
                    : RateLimitPartition.GetNoLimiter("none"));
            // All visitors of one widget key together, at the key's own limit (carried in their tokens).
            var perWidgetKey = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                EdgeRequest.CameThroughGateway(context) && context.User.FindFirst(ClaimNames.WidgetKey)?.Value is { } key
                    && Permits(context, ClaimNames.KeyPermits) is { } keyPermits
                    ? RateLimitPartition.GetFixedWindowLimiter($"widget-key:{key}", _ => Window(keyPermits, limits.Window))
                    : RateLimitPartition.GetNoLimiter("none"));
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(perCaller, perWidgetKey, perTenant);
            limiter.AddPolicy(RateLimitPolicies.Auth, context => EdgeRequest.CameThroughGateway(context)
                ? RateLimitPartition.GetFixedWindowLimiter($"auth:{Ip(context)}", _ => Window(limits.AuthPermitsPerIp, limits.Window))
                : RateLimitPartition.GetNoLimiter("internal"));
            limiter.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
                rejected.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ProblemWriter.WriteAsync(rejected.HttpContext, 429, "rate_limited", "Too many requests; retry after the given delay.");
            };
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static int? Permits(HttpContext context, string claim) =>
        int.TryParse(context.User.FindFirst(claim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var permits) && permits > 0 ? permits : null;

    private static string Ip(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

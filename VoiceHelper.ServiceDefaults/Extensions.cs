using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoiceHelper.Contracts;
using VoiceHelper.ServiceDefaults.Caching;
using VoiceHelper.ServiceDefaults.Discovery;
using VoiceHelper.ServiceDefaults.Health;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Logging;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.ServiceDefaults.Telemetry;

namespace VoiceHelper.ServiceDefaults;

/// <summary>What every VoiceHelper service and worker gets: telemetry, health, auth, errors, limits.</summary>
public static class Extensions
{
    /// <summary>
    /// Adds structured logs, OpenTelemetry, health checks, service discovery with resilience, ProblemDetails,
    /// JWT validation with the tenant context, rate limits, idempotency (when <c>ConnectionStrings:cache</c> is
    /// set), request limits, snake_case JSON and OpenAPI.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.FormatterName = MaskingJsonFormatter.FormatterName)
            .AddConsoleFormatter<MaskingJsonFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        builder.AddVoiceHelperTelemetry();

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        builder.Services.AddServiceDiscovery();
        builder.Services.AddVoiceHelperProblemDetails();
        builder.Services.TryAddTimeProvider();
        builder.Services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        // Binding failures throw, so the exception handler can name the offending field in the 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.AddJwtAuthentication();
        builder.Services.AddVoiceHelperRateLimits();
        builder.Services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section);
        builder.Services.AddRequestTimeouts(options => options.DefaultPolicy = new() { Timeout = TimeSpan.FromSeconds(60) });
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>("Http:MaxRequestBodyBytes") ?? 1024 * 1024);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            // nginx, the only public entry, sets X-Forwarded-For; trusted only from loopback (the default known proxy).
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        builder.Services.AddOpenApi();

        if (!string.IsNullOrEmpty(builder.Configuration.GetConnectionString(ResourceNames.Cache)))
        {
            builder.AddRedisClient(ResourceNames.Cache);
        }
        return builder;
    }

    /// <summary>
    /// Adds the shared middleware (errors, forwarded headers, authentication, rate limits, idempotency) and maps
    /// <c>/health</c> (ready: dependencies reachable), <c>/alive</c> (process up), <c>/metrics</c> (Prometheus text)
    /// and <c>/openapi/v1.json</c>.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseVoiceHelperExceptionHandler();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .DisableRateLimiting().ExcludeFromDescription();
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains("live"), ResponseWriter = HealthResponseWriter.WriteAsync })
            .DisableRateLimiting().ExcludeFromDescription();
        app.MapGet("/metrics", (PrometheusMetrics metrics) =>
                Results.Text(metrics.Scrape(), "text/plain; version=0.0.4; charset=utf-8"))
            .DisableRateLimiting().ExcludeFromDescription();
        app.MapOpenApi().DisableRateLimiting();
        return app;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoiceHelper.Contracts;
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
    private const string HealthPath = "/health";
    private const string AlivePath = "/alive";
    private const string MetricsPath = "/metrics";

    /// <summary>
    /// Adds structured logs, OpenTelemetry, health checks, service discovery with resilience, ProblemDetails,
    /// JWT validation and tenants' API keys (verified by Identity) with the tenant context, rate limits, idempotency and the Redis client (when
    /// <c>ConnectionStrings:cache</c> is set), request limits, snake_case JSON and OpenAPI.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.FormatterName = MaskingJsonFormatter.FormatterName)
            .AddConsoleFormatter<MaskingJsonFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        builder.AddVoiceHelperTelemetry();

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        builder.Services.AddVoiceHelperServiceDiscovery(builder.Configuration);
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
        builder.Services.AddCors();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, WidgetCorsPolicyProvider>();
        builder.Services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section);
        builder.Services.AddRequestTimeouts(options => options.DefaultPolicy = new() { Timeout = TimeSpan.FromSeconds(60) });
        builder.Services.AddOptions<RequestSizeOptions>().BindConfiguration(RequestSizeOptions.Section);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize =
            builder.Configuration.GetSection(RequestSizeOptions.Section).Get<RequestSizeOptions>()?.MaxRequestBodyBytes
            ?? new RequestSizeOptions().MaxRequestBodyBytes);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            // nginx, the only public entry, sets X-Forwarded-For; trusted only from loopback (the default known proxy).
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        builder.Services.AddOpenApi();

        if (!string.IsNullOrEmpty(builder.Configuration.GetConnectionString(ResourceNames.Cache)))
        {
            builder.AddRedisClient(ResourceNames.Cache, configureOptions: options =>
            {
                // Redis down at start-up must not stop the service: it reconnects in the background and callers
                // degrade (no cache, no revocation check) meanwhile.
                options.AbortOnConnectFail = false;
                options.ConnectRetry = 1;
            });
        }
        return builder;
    }

    /// <summary>
    /// Adds the shared middleware, in order: forwarded headers, errors as ProblemDetails, request size refusals,
    /// authentication, the widget's CORS, authorization, rate limits (requests through the gateway only), request timeouts and
    /// idempotency. Call it right after <c>Build()</c>, before mapping endpoints.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseVoiceHelperExceptionHandler();
        app.UseMiddleware<RequestSizeMiddleware>();
        app.UseAuthentication();
        app.UseCors(); // after authentication: the widget's policy depends on the visitor (WidgetCorsPolicyProvider)
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }

    /// <summary>
    /// Maps <c>/health</c> (ready: every dependency reachable), <c>/alive</c> (process up), <c>/metrics</c>
    /// (Prometheus text, from the OpenTelemetry meters) and <c>/openapi/v1.json</c>. None of them is rate limited.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .DisableRateLimiting().ExcludeFromDescription();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live"), ResponseWriter = HealthResponseWriter.WriteAsync })
            .DisableRateLimiting().ExcludeFromDescription();
        app.MapPrometheusScrapingEndpoint(MetricsPath).DisableRateLimiting().ExcludeFromDescription();
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

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace VoiceHelper.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry.Extensions.Hosting and the instrumentation packages do not restore here, so providers are
/// built with the SDK and listen to the framework's own sources (ASP.NET Core and HttpClient emit them natively).
/// </summary>
internal static class TelemetrySetup
{
    public static readonly string[] ActivitySources = ["Microsoft.AspNetCore", "System.Net.Http", "VoiceHelper.*"];
    public static readonly string[] Meters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime", "VoiceHelper.*"];

    public static void AddVoiceHelperTelemetry(this IHostApplicationBuilder builder)
    {
        var serviceName = builder.Environment.ApplicationName;
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        builder.Services.AddSingleton<PrometheusMetrics>();
        builder.Services.AddHostedService<TelemetryLifetime>();
        if (!otlp)
        {
            return;
        }
        builder.Services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(ActivitySources)
            .AddOtlpExporter()
            .Build());
        builder.Services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(Meters)
            .AddOtlpExporter()
            .Build());
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.SetResourceBuilder(resource);
            logging.IncludeFormattedMessage = true;
            logging.AddOtlpExporter();
        });
    }

    /// <summary>Creates the providers at start (they are lazy singletons) and flushes them at shutdown.</summary>
    private sealed class TelemetryLifetime(IServiceProvider services) : IHostedService
    {
        // Kept from start: at stop the container may already be disposed (WebApplicationFactory disposes it first).
        private TracerProvider? _tracer;
        private MeterProvider? _meter;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<PrometheusMetrics>();
            _tracer = services.GetService<TracerProvider>();
            _meter = services.GetService<MeterProvider>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _tracer?.ForceFlush(2000);
            _meter?.ForceFlush(2000);
            return Task.CompletedTask;
        }
    }
}

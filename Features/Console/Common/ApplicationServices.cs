using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.HttpOverrides;
using StackExchange.Redis;
using VoiceHelper.Console.Components;
using VoiceHelper.Contracts;

namespace VoiceHelper.Console.Common;

public static class ApplicationServices
{
    /// <summary>The Blazor server components, one circuit-scoped session and one client per public API service.</summary>
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // A build (not a publish) serves package files such as Blazor's script through the static web assets
        // manifest, which only Development reads by default; the AppHost and the tests run builds in other
        // environments. A published app has no manifest and serves its wwwroot.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ConsoleSession>();
        // The stored session is encrypted with Data Protection keys; kept in Redis, every replica (and the next
        // start) can read what another wrote, so a reload or a rolling update does not sign users out.
        builder.Services.AddDataProtection().SetApplicationName("voicehelper-console");
        if (!string.IsNullOrEmpty(builder.Configuration.GetConnectionString(ResourceNames.Cache)))
        {
            builder.Services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((keys, redis) =>
                keys.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), "voicehelper:console:data-protection-keys"));
        }
        builder.Services.AddScoped<PublicApi>();
        builder.Services.AddScoped<ConsoleText>();
        // Each service's public routes, reached by its Aspire name (services__identity__http__0, ...) exactly as the
        // gateway forwards them; the console holds no secret a browser client would not have.
        foreach (var service in PublicApi.Services)
        {
            builder.Services.AddHttpClient(service, client => client.BaseAddress = new Uri($"http://{service}"));
        }
        return builder;
    }

    /// <summary>
    /// Not ServiceDefaults' API pipeline: its request timeout would cut the circuit's WebSocket after a minute, and the
    /// console has no API of its own to rate-limit or make idempotent (the services it calls do that).
    /// </summary>
    public static WebApplication UseConsolePipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

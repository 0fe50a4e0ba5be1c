using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoiceHelper.Contracts;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

/// <summary>Builds a generic host wired like a service: the bus on its own database, fast timings for tests.</summary>
public static class BusTestHost
{
    public static HostApplicationBuilder Create(string eventsDb, string instance, EventRecorder recorder,
        IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var config = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ResourceNames.EventsDb}"] = eventsDb,
            ["EventBus:Partitions"] = "4",
            ["EventBus:MaxAttempts"] = "3",
            ["EventBus:InitialBackoff"] = "00:00:00.020",
            ["EventBus:LeaseDuration"] = "00:00:03",
            ["EventBus:BatchSize"] = "100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(config);
        // Quiet by default; VOICEHELPER_TEST_LOGS=1 shows the bus's warnings when a test needs explaining.
        if (Environment.GetEnvironmentVariable("VOICEHELPER_TEST_LOGS") is { Length: > 0 })
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        }
        builder.Services.AddSingleton(recorder);
        builder.Services.AddSingleton(new InstanceName(instance));
        return builder;
    }
}

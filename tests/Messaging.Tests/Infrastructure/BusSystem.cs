using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using VoiceHelper.EventBus.TestConsumer;
using VoiceHelper.Testing;

namespace VoiceHelper.Messaging.Tests.Infrastructure;

/// <summary>
/// One isolated bus for a test: a fresh database (every host's Wolverine schema and the effects table) and a fresh
/// namespace on the test broker. Hosts built from it are real Wolverine hosts with the production wiring.
/// </summary>
public sealed class BusSystem
{
    private BusSystem(string store, string @namespace) => (Store, Namespace) = (store, @namespace);

    public string Store { get; }
    public string Namespace { get; }

    public static async Task<BusSystem> CreateAsync()
    {
        var store = await TestServers.CreateDatabaseAsync("bus");
        await using var connection = new NpgsqlConnection(store);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand(EffectsDbContext.Schema, connection);
        await create.ExecuteNonQueryAsync();
        return new BusSystem(store, TestBus.NewNamespace());
    }

    /// <summary>Every setting a process of this system needs, as configuration keys.</summary>
    public Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = TestBus.Settings(Namespace).ToDictionary(p => p.Key, p => (string?)p.Value);
        settings[$"ConnectionStrings:{ConsumerBus.StoreConnection}"] = Store;
        settings["EventBus:Retry:MaxAttempts"] = "3";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>A host of service <paramref name="serviceName"/> (one Wolverine schema per service in the shared database).</summary>
    public IHost Host(string serviceName, string instance, bool consume, IReadOnlyDictionary<string, string>? extra = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = typeof(ConsumerBus).Assembly.GetName().Name,
            EnvironmentName = "Testing",
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(Settings(extra));
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddTestBus(serviceName, instance, consume);
        return builder.Build();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Store);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using VoiceHelper.ServiceDefaults.Health;

namespace VoiceHelper.ServiceDefaults.Caching;

/// <summary>Shaped like Aspire.StackExchange.Redis's <c>AddRedisClient</c>, so that package can replace it.</summary>
public static class RedisRegistration
{
    /// <summary>
    /// Registers an <see cref="IConnectionMultiplexer"/> from <c>ConnectionStrings:{connectionName}</c> and a
    /// readiness check. The connection does not abort when Redis is down at start: it reconnects in the
    /// background, and callers degrade (no cache) meanwhile.
    /// </summary>
    public static IHostApplicationBuilder AddRedisClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set.");
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(connectionString);
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 2000;
            options.SyncTimeout = 2000;
            options.ConnectRetry = 1;
            return ConnectionMultiplexer.Connect(options);
        });
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>($"redis:{connectionName}", tags: ["ready"]);
        return builder;
    }
}

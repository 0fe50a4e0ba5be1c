using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using VoiceHelper.ServiceDefaults.Health;

namespace VoiceHelper.ServiceDefaults.Data;

/// <summary>Shaped like Aspire.Npgsql's <c>AddNpgsqlDataSource</c> so that the package can replace it by a using change.</summary>
public static class NpgsqlRegistration
{
    /// <summary>
    /// Registers a pooled <see cref="NpgsqlDataSource"/> from <c>ConnectionStrings:{connectionName}</c> and a
    /// readiness check for it. Throws at start-up when the connection string is missing.
    /// </summary>
    public static IHostApplicationBuilder AddNpgsqlDataSource(this IHostApplicationBuilder builder, string connectionName)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not set. Run the service through VoiceHelper.AppHost or set ConnectionStrings__{connectionName}.");
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = connectionName }.Build());
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>($"postgres:{connectionName}", tags: ["ready"]);
        return builder;
    }
}

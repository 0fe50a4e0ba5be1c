using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace VoiceHelper.ServiceDefaults.Data;

public static class MigrationRegistration
{
    /// <summary>
    /// Runs the SQL scripts embedded under <c>Migrations/</c> in <paramref name="assembly"/> before the service accepts requests,
    /// and before every other hosted service: some read the schema as they start (Data Protection warms its key ring from the
    /// database) and were registered earlier (authentication adds Data Protection).
    /// </summary>
    public static IHostApplicationBuilder AddMigrations(this IHostApplicationBuilder builder, Assembly assembly)
    {
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, Migrator>(sp => new Migrator(
            sp.GetRequiredService<NpgsqlDataSource>(), assembly, sp.GetRequiredService<ILogger<Migrator>>())));
        return builder;
    }
}

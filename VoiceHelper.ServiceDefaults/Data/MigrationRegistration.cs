using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace VoiceHelper.ServiceDefaults.Data;

public static class MigrationRegistration
{
    /// <summary>Runs the SQL scripts embedded under <c>Migrations/</c> in <paramref name="assembly"/> before the service accepts requests.</summary>
    public static IHostApplicationBuilder AddMigrations(this IHostApplicationBuilder builder, Assembly assembly)
    {
        builder.Services.AddHostedService(sp => new Migrator(
            sp.GetRequiredService<NpgsqlDataSource>(), assembly, sp.GetRequiredService<ILogger<Migrator>>()));
        return builder;
    }
}

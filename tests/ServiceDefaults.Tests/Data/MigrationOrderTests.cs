using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.ServiceDefaults.Tests.Data;

public sealed class MigrationOrderTests
{
    [Fact]
    public void Migrations_start_before_hosted_services_registered_earlier()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDataProtection(); // its key-ring warm-up reads the database when it starts
        builder.Services.AddSingleton(NpgsqlDataSource.Create("Host=127.0.0.1;Database=unused"));
        builder.AddMigrations(typeof(MigrationOrderTests).Assembly);
        using var host = builder.Build();

        var started = host.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();

        started.Count.ShouldBeGreaterThan(1);
        started[0].ShouldBe(nameof(Migrator));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace VoiceHelper.ServiceDefaults.Data;

/// <summary>EF Core over the service's data source, enriched by Aspire.Npgsql.EntityFrameworkCore.PostgreSQL.</summary>
public static class DataRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the <see cref="NpgsqlDataSource"/> that <c>AddNpgsqlDataSource</c>
    /// registered (one pool for EF and raw SQL), with Aspire's health check, tracing and metrics. Not pooled: a
    /// <see cref="TenantDbContext"/> takes the caller's tenant in its constructor. No retrying execution strategy:
    /// handlers open their own transactions (a change and its events commit together), which it would refuse.
    /// </summary>
    public static IHostApplicationBuilder AddTenantDbContext<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddDbContext<TContext>((sp, options) => options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        builder.EnrichNpgsqlDbContext<TContext>(settings => settings.DisableRetry = true);
        return builder;
    }
}

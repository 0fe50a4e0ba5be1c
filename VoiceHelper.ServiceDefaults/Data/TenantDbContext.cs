using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.ServiceDefaults.Data;

/// <summary>
/// The single tenant-isolation mechanism: every <see cref="ITenantOwned"/> entity gets a global query
/// filter on the caller's tenant, and new entities are stamped with it, so no query can forget it.
/// A request without a tenant sees nothing (the filter compares with <see cref="Guid.Empty"/>).
/// </summary>
public abstract class TenantDbContext(DbContextOptions options, ITenantContext tenant) : DbContext(options)
{
    public Guid CurrentTenantId => tenant.TenantId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)))
        {
            var parameter = Expression.Parameter(entity.ClrType, "e");
            var body = Expression.Equal(
                Expression.Property(parameter, nameof(ITenantOwned.TenantId)),
                Expression.Property(Expression.Constant(this), nameof(CurrentTenantId)));
            entity.SetQueryFilter(Expression.Lambda(body, parameter));
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>().Where(e => e.State == EntityState.Added))
        {
            if (entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = CurrentTenantId;
            }
            else if (tenant.TenantId is { } current && entry.Entity.TenantId != current)
            {
                throw new InvalidOperationException("An entity of another tenant cannot be written in this request.");
            }
        }
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.ServiceDefaults.Data;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.Common;

/// <summary>assistantdb; every table is tenant-owned and filtered by the caller's tenant.</summary>
public sealed class AssistantDbContext(DbContextOptions<AssistantDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<UsageRecord> Usage => Set<UsageRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UsageRecord>().ToTable("usage_records");
        // The schema is hand-written SQL (Migrations/), so the model only has to agree with its snake_case names.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            property.SetColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
        }
        base.OnModelCreating(modelBuilder);
    }
}

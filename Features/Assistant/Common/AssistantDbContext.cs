using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.ServiceDefaults.Data;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.Common;

/// <summary>assistantdb; every table is tenant-owned and filtered by the caller's tenant.</summary>
public sealed class AssistantDbContext(DbContextOptions<AssistantDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<UsageRecord> Usage => Set<UsageRecord>();
    public DbSet<TenantModel> Models => Set<TenantModel>();
    public DbSet<RouterSettings> RouterSettings => Set<RouterSettings>();
    public DbSet<AbTest> AbTests => Set<AbTest>();
    public DbSet<AbTestOutcome> AbTestOutcomes => Set<AbTestOutcome>();
    public DbSet<AbTestFeedback> AbTestFeedback => Set<AbTestFeedback>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UsageRecord>().ToTable("usage_records");
        modelBuilder.Entity<TenantModel>().ToTable("tenant_models");
        modelBuilder.Entity<RouterSettings>().ToTable("router_settings").HasKey(s => s.TenantId);
        modelBuilder.Entity<RouterSettings>().Property(s => s.TenantId).ValueGeneratedNever();
        modelBuilder.Entity<AbTest>().ToTable("ab_tests").Property(t => t.VariantsJson).HasColumnType("jsonb");
        modelBuilder.Entity<AbTestOutcome>().ToTable("ab_test_outcomes");
        modelBuilder.Entity<AbTestFeedback>().ToTable("ab_test_feedback").HasKey(f => new { f.TestId, f.MessageId, f.UserId });
        // The schema is hand-written SQL (Migrations/), so the model only has to agree with its snake_case names.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            property.SetColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
        }
        modelBuilder.Entity<TenantModel>().Property(m => m.InputPricePer1K).HasColumnName("input_price_per1k");
        modelBuilder.Entity<TenantModel>().Property(m => m.OutputPricePer1K).HasColumnName("output_price_per1k");
        base.OnModelCreating(modelBuilder);
    }
}

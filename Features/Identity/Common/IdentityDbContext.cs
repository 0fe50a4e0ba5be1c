using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Identity.RotateSigningKeys;
using VoiceHelper.ServiceDefaults.Data;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.Common;

/// <summary>
/// identitydb. Tenant-owned tables are filtered by the caller's tenant (TenantDbContext). Login, refresh and
/// register run before there is a tenant in a token; only they use <c>IgnoreQueryFilters()</c>, and only to
/// find the one account named by an email or a refresh token.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<WidgetKey> WidgetKeys => Set<WidgetKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tenant>().ToTable("tenants");
        modelBuilder.Entity<UserAccount>().ToTable("users");
        modelBuilder.Entity<RefreshToken>().ToTable("refresh_tokens");
        modelBuilder.Entity<AuditEntry>().ToTable("audit_log");
        modelBuilder.Entity<SigningKey>().ToTable("signing_keys").HasKey(k => k.KeyId);
        modelBuilder.Entity<ApiKey>().ToTable("api_keys");
        modelBuilder.Entity<WidgetKey>().ToTable("widget_keys");
        // The foreign keys, declared so that EF inserts a new tenant before its users and their audit entries.
        modelBuilder.Entity<UserAccount>().HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId);
        modelBuilder.Entity<AuditEntry>().HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId);
        modelBuilder.Entity<RefreshToken>().HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId);
        modelBuilder.Entity<RefreshToken>().HasOne<UserAccount>().WithMany().HasForeignKey(t => t.UserId);
        modelBuilder.Entity<ApiKey>().HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId);
        modelBuilder.Entity<WidgetKey>().HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId);
        // The schema is hand-written SQL (Migrations/), so the model only has to agree with its snake_case names.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            property.SetColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
        }
        base.OnModelCreating(modelBuilder);
    }
}

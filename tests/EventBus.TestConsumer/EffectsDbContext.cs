using Microsoft.EntityFrameworkCore;

namespace VoiceHelper.EventBus.TestConsumer;

/// <summary>The handlers' visible effects. No unique key on the event: a second effect of one event would show as a second row.</summary>
public sealed class EffectsDbContext(DbContextOptions<EffectsDbContext> options) : DbContext(options)
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS effects (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            event_id uuid NOT NULL,
            tenant_id uuid NOT NULL,
            handled_by text NOT NULL,
            handled_at timestamptz NOT NULL DEFAULT now())
        """;

    public DbSet<Effect> Effects => Set<Effect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Effect>(e =>
        {
            e.ToTable("effects");
            e.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            e.Property(x => x.EventId).HasColumnName("event_id");
            e.Property(x => x.TenantId).HasColumnName("tenant_id");
            e.Property(x => x.HandledBy).HasColumnName("handled_by");
            e.Property(x => x.HandledAt).HasColumnName("handled_at");
        });
}

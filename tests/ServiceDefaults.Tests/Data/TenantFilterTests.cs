using Microsoft.EntityFrameworkCore;
using VoiceHelper.ServiceDefaults.Data;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Testing;

namespace VoiceHelper.ServiceDefaults.Tests.Data;

/// <summary>The single tenant mechanism, against real PostgreSQL: no query of one tenant sees another's rows.</summary>
public sealed class TenantFilterTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Queries_see_only_the_callers_tenant_and_inserts_are_stamped()
    {
        var connectionString = await TestServers.CreateDatabaseAsync("tenantfilter");
        var tenantA = Guid.NewGuid();
        var tenantB = Guid.NewGuid();
        await using (var setup = Context(connectionString, tenantA))
        {
            await setup.Database.ExecuteSqlRawAsync("CREATE TABLE widgets (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, name text NOT NULL)", Ct);
            setup.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = "a1" });
            setup.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = "a2" });
            await setup.SaveChangesAsync(Ct);
        }
        await using (var b = Context(connectionString, tenantB))
        {
            b.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = "b1" });
            await b.SaveChangesAsync(Ct);
        }

        await using var asA = Context(connectionString, tenantA);
        await using var asB = Context(connectionString, tenantB);
        await using var anonymous = Context(connectionString, null);

        (await asA.Widgets.Select(w => w.Name).OrderBy(n => n).ToListAsync(Ct)).ShouldBe(["a1", "a2"]);
        (await asB.Widgets.Select(w => w.Name).ToListAsync(Ct)).ShouldBe(["b1"]);
        (await anonymous.Widgets.CountAsync(Ct)).ShouldBe(0);
        (await asB.Widgets.Where(w => w.Name == "a1").AnyAsync(Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Writing_another_tenants_row_is_refused()
    {
        var connectionString = await TestServers.CreateDatabaseAsync("tenantfilter");
        await using var context = Context(connectionString, Guid.NewGuid());

        context.Widgets.Add(new Widget { Id = Guid.NewGuid(), TenantId = Guid.NewGuid(), Name = "intruder" });

        await Should.ThrowAsync<InvalidOperationException>(() => context.SaveChangesAsync(Ct));
    }

    private static WidgetContext Context(string connectionString, Guid? tenant) =>
        new(new DbContextOptionsBuilder<WidgetContext>().UseNpgsql(connectionString).Options, new FixedTenant(tenant));

    public sealed class Widget : ITenantOwned
    {
        public Guid Id { get; set; }
        public Guid TenantId { get; set; }
        public string Name { get; set; } = "";
    }

    private sealed class WidgetContext(DbContextOptions options, ITenantContext tenant) : TenantDbContext(options, tenant)
    {
        public DbSet<Widget> Widgets => Set<Widget>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Widget>(e =>
            {
                e.ToTable("widgets");
                e.Property(w => w.Id).HasColumnName("id");
                e.Property(w => w.TenantId).HasColumnName("tenant_id");
                e.Property(w => w.Name).HasColumnName("name");
            });
            base.OnModelCreating(modelBuilder);
        }
    }

    private sealed class FixedTenant(Guid? tenant) : ITenantContext
    {
        public Guid? TenantId => tenant;
        public Guid? UserId => null;
        public IReadOnlyList<string> Roles => [];
    }
}

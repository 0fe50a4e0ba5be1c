using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Data;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.Agent;

/// <summary>The agent's tables in assistantdb (Migrations/0003-agent.sql), tenant-filtered like every other table.</summary>
public sealed class AgentDbContext(DbContextOptions<AgentDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<AgentAllowedHost> AllowedHosts => Set<AgentAllowedHost>();
    public DbSet<AgentMcpServer> McpServers => Set<AgentMcpServer>();
    public DbSet<AgentTask> Tasks => Set<AgentTask>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AgentAllowedHost>().ToTable("agent_allowed_hosts").HasKey(h => new { h.TenantId, h.Host });
        modelBuilder.Entity<AgentMcpServer>().ToTable("agent_mcp_servers");
        modelBuilder.Entity<AgentTask>().ToTable("agent_tasks").Property(t => t.Run).HasColumnType("jsonb");
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            property.SetColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
        }
        base.OnModelCreating(modelBuilder);
    }
}

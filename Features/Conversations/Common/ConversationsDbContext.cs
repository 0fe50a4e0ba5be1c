using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.ServiceDefaults.Data;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.Common;

/// <summary>
/// conversationsdb. Every table is tenant-owned and filtered by the caller's tenant (TenantDbContext); only the
/// background jobs (retention, statistics projection), which act for every tenant, go around it with SQL.
/// </summary>
public sealed class ConversationsDbContext(DbContextOptions<ConversationsDbContext> options, ITenantContext tenant)
    : TenantDbContext(options, tenant)
{
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<MessageFeedback> Feedback => Set<MessageFeedback>();
    public DbSet<ConversationStatsDay> StatsDays => Set<ConversationStatsDay>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Conversation>().ToTable("conversations");
        modelBuilder.Entity<Message>().ToTable("messages").Property(m => m.Sources).HasColumnType("jsonb");
        modelBuilder.Entity<MessageFeedback>().ToTable("message_feedback").HasKey(f => new { f.MessageId, f.UserId });
        modelBuilder.Entity<ConversationStatsDay>().ToTable("conversation_stats_daily").HasKey(s => new { s.TenantId, s.Day });
        // The schema is hand-written SQL (Migrations/), so the model only has to agree with its snake_case names.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            property.SetColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
        }
        base.OnModelCreating(modelBuilder);
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.ServiceDefaults.Data;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Knowledge.Common;

/// <summary>
/// knowledgedb through EF Core for knowledge bases and documents (filtered by tenant by TenantDbContext).
/// Chunks, vectors and postings are written by the ingestion worker and read by search with SQL, always
/// restricted to knowledge-base ids that were first resolved through this context.
/// </summary>
public sealed class KnowledgeDbContext(DbContextOptions<KnowledgeDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    public DbSet<KnowledgeBase> KnowledgeBases => Set<KnowledgeBase>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KnowledgeBase>().ToTable("knowledge_bases");
        modelBuilder.Entity<Document>().ToTable("documents").Property(d => d.Metadata).HasColumnType("jsonb");
        modelBuilder.Entity<Document>().HasOne<KnowledgeBase>().WithMany().HasForeignKey(d => d.KnowledgeBaseId);
        modelBuilder.Entity<DocumentContent>().ToTable("document_contents").HasKey(c => c.DocumentId);
        modelBuilder.Entity<DocumentContent>().HasOne<Document>().WithOne().HasForeignKey<DocumentContent>(c => c.DocumentId);
        // The schema is hand-written SQL (Migrations/), so the model only has to agree with its snake_case names.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            property.SetColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
        }
        base.OnModelCreating(modelBuilder);
    }
}

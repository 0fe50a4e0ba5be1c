using Microsoft.EntityFrameworkCore;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

/// <summary>A service's own EF Core context, to show the outbox joining its transaction.</summary>
public sealed class NotesDbContext(DbContextOptions<NotesDbContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    public static NotesDbContext Create(string connectionString) =>
        new(new DbContextOptionsBuilder<NotesDbContext>().UseNpgsql(connectionString).Options);
}

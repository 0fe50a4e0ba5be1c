using Microsoft.EntityFrameworkCore;

namespace VoiceHelper.EventBus.Bench;

/// <summary>The producer's business transaction, as a service's DbContext would open it; the bench writes only events in it.</summary>
public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options);

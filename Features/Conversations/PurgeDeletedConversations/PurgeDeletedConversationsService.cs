using Microsoft.Extensions.Options;
using Npgsql;
using VoiceHelper.Conversations.Common;

namespace VoiceHelper.Conversations.PurgeDeletedConversations;

/// <summary>
/// Removes conversations deleted longer ago than <see cref="ConversationsOptions.DeletedRetention"/>, with their
/// messages and feedback (foreign keys cascade). Until then a deleted conversation is invisible to clients but kept
/// for audit. It acts for every tenant, hence plain SQL; small batches keep locks short.
/// </summary>
public sealed class PurgeDeletedConversationsService(
    NpgsqlDataSource dataSource, IOptions<ConversationsOptions> options, TimeProvider clock, ILogger<PurgeDeletedConversationsService> logger)
    : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, clock);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (NpgsqlException ex)
            {
                logger.LogWarning(ex, "Conversation retention failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes every conversation past retention; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.DeletedRetention;
        var total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(
                "DELETE FROM conversations WHERE id IN (SELECT id FROM conversations WHERE deleted_at < @cutoff LIMIT @batch)");
            command.Parameters.AddWithValue("cutoff", cutoff);
            command.Parameters.AddWithValue("batch", BatchSize);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
            {
                break;
            }
        }
        if (total > 0)
        {
            logger.LogInformation("Removed {Count} conversations past their retention", total);
        }
        return total;
    }
}

using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceHelper.Contracts.Events;
using VoiceHelper.Conversations.Common;

namespace VoiceHelper.Conversations.SummarizeConversation;

/// <summary>
/// After each stored answer (<c>conversation.message_sent</c> of an assistant message), folds the messages that left
/// the context window into the conversation's rolling summary: previous summary + newly evicted messages -> new
/// summary, saved with the sequence it covers. It runs off the turn, so the caller never waits for the summary model.
/// Idempotent without an inbox: a redelivered or late event recomputes from the row and finds nothing new to evict.
/// A model failure is logged and dropped rather than retried: the next turn's event folds in everything still pending.
/// It acts for every tenant, so it reads and writes with SQL and the tenant named by the event.
/// </summary>
public sealed class SummarizeConversationHandler(
    NpgsqlDataSource dataSource,
    SummarizeConversationModel summaryModel,
    IOptions<SummarizeConversationOptions> options,
    ILogger<SummarizeConversationHandler> logger)
{
    public async Task HandleAsync(ConversationMessageSent @event, CancellationToken cancellationToken)
    {
        // One event per turn is enough, and the answer is the turn's last message.
        if (@event.Role != MessageRoles.Assistant)
        {
            return;
        }
        var settings = options.Value;
        // Subscribed always (the pre-generated handler code has one shape); without a summary model it does nothing.
        if (summaryModel.Client is not { } model)
        {
            return;
        }
        string? previous;
        long through;
        IReadOnlyList<ContextMessage> evicted;
        // The connection goes back to the pool before the model call, which may take seconds.
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            var conversation = await LoadConversationAsync(connection, @event, cancellationToken);
            if (conversation is null)
            {
                return;
            }
            (var maxTurns, var maxTokens, previous, through) = conversation.Value;
            var history = await LoadHistoryAsync(connection, @event, through, cancellationToken);
            evicted = SummarizeConversationDecision.Evict(history, through, maxTurns, maxTokens, settings.MaxBatchTokens);
        }
        if (evicted.Count == 0)
        {
            return;
        }

        string? summary;
        try
        {
            var response = await model.GetResponseAsync(
                SummarizeConversationDecision.Prompt(previous, evicted, settings.MaxSummaryTokens),
                new ChatOptions { Temperature = 0, MaxOutputTokens = settings.MaxSummaryTokens },
                cancellationToken);
            summary = SummarizeConversationDecision.Bound(response.Text, settings.MaxSummaryTokens);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The summary model failed; conversation {ConversationId} keeps its summary through message {Sequence}",
                @event.ConversationId, through);
            return;
        }
        if (summary is null)
        {
            logger.LogWarning("The summary model answered with no text; conversation {ConversationId} keeps its summary", @event.ConversationId);
            return;
        }

        // Only if no other summariser (another replica, a redelivery) moved the summary meanwhile: theirs stands.
        await using var updating = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var update = new NpgsqlCommand(
            """
            UPDATE conversations SET summary = @summary, summary_through = @through
            WHERE id = @id AND tenant_id = @tenant AND summary_through = @previous
            """, updating);
        update.Parameters.AddWithValue("summary", summary);
        update.Parameters.AddWithValue("through", evicted[^1].Sequence);
        update.Parameters.AddWithValue("id", @event.ConversationId);
        update.Parameters.AddWithValue("tenant", @event.TenantId);
        update.Parameters.AddWithValue("previous", through);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<(int MaxTurns, int MaxTokens, string? Summary, long Through)?> LoadConversationAsync(
        NpgsqlConnection connection, ConversationMessageSent @event, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT context_max_turns, context_max_tokens, summary, summary_through FROM conversations
            WHERE id = @id AND tenant_id = @tenant AND deleted_at IS NULL
            """, connection);
        command.Parameters.AddWithValue("id", @event.ConversationId);
        command.Parameters.AddWithValue("tenant", @event.TenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return (reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3));
    }

    /// <summary>Every message the summary does not cover yet, as the context window sees them (failed and empty ones never count).</summary>
    private static async Task<List<ContextMessage>> LoadHistoryAsync(
        NpgsqlConnection connection, ConversationMessageSent @event, long through, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT sequence, role, content FROM messages
            WHERE conversation_id = @id AND tenant_id = @tenant AND sequence > @through AND status <> @failed AND content <> ''
            ORDER BY sequence
            """, connection);
        command.Parameters.AddWithValue("id", @event.ConversationId);
        command.Parameters.AddWithValue("tenant", @event.TenantId);
        command.Parameters.AddWithValue("through", through);
        command.Parameters.AddWithValue("failed", MessageStatuses.Failed);
        var history = new List<ContextMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var content = reader.GetString(2);
            history.Add(new ContextMessage(reader.GetInt64(0), reader.GetString(1), content, TokenEstimator.Count(content)));
        }
        return history;
    }
}

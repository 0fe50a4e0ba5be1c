using Npgsql;
using NpgsqlTypes;
using VoiceHelper.Contracts.Events;
using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.Conversations.Common;

/// <summary>
/// Folds <c>conversation.message_sent</c> into one statistics row per tenant and UTC day. The inbox mark, the
/// "conversation already counted today" row and the counters commit together, so a redelivered event changes
/// nothing. It acts for every tenant, so it writes with SQL and the tenant named by the event.
/// </summary>
public sealed class ConversationStatsProjector(NpgsqlDataSource dataSource) : IEventHandler<ConversationMessageSent>
{
    public const string Group = "conversations-stats";

    public async Task HandleAsync(ConversationMessageSent @event, EventContext context, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await context.TryMarkProcessedAsync(connection, transaction, cancellationToken))
        {
            return;
        }
        var day = DateOnly.FromDateTime(@event.SentAt.UtcDateTime);
        await using (var seen = new NpgsqlCommand(
            "INSERT INTO conversation_stats_seen (tenant_id, day, conversation_id) VALUES (@t, @d, @c) ON CONFLICT DO NOTHING",
            connection, transaction))
        {
            seen.Parameters.AddWithValue("t", @event.TenantId);
            seen.Parameters.AddWithValue("d", day);
            seen.Parameters.AddWithValue("c", @event.ConversationId);
            var firstToday = await seen.ExecuteNonQueryAsync(cancellationToken) == 1;

            var answer = @event.Role == MessageRoles.Assistant;
            await using var upsert = new NpgsqlCommand(
                """
                INSERT INTO conversation_stats_daily AS s (tenant_id, day, conversations, messages, answers, interrupted, tokens, cache_hits, latency_buckets)
                VALUES (@t, @d, @conversations, 1, @answers, @interrupted, @tokens, @hits, @buckets)
                ON CONFLICT (tenant_id, day) DO UPDATE SET
                    conversations = s.conversations + EXCLUDED.conversations,
                    messages = s.messages + 1,
                    answers = s.answers + EXCLUDED.answers,
                    interrupted = s.interrupted + EXCLUDED.interrupted,
                    tokens = s.tokens + EXCLUDED.tokens,
                    cache_hits = s.cache_hits + EXCLUDED.cache_hits,
                    latency_buckets = (SELECT array_agg(coalesce(a, 0) + coalesce(b, 0) ORDER BY n)
                                       FROM unnest(s.latency_buckets, EXCLUDED.latency_buckets) WITH ORDINALITY AS u(a, b, n))
                """, connection, transaction);
            upsert.Parameters.AddWithValue("t", @event.TenantId);
            upsert.Parameters.AddWithValue("d", day);
            upsert.Parameters.AddWithValue("conversations", firstToday ? 1 : 0);
            upsert.Parameters.AddWithValue("answers", answer ? 1 : 0);
            upsert.Parameters.AddWithValue("interrupted", answer && @event.Interrupted ? 1 : 0);
            upsert.Parameters.AddWithValue("tokens", (long)@event.TokensUsed);
            upsert.Parameters.AddWithValue("hits", answer && @event.CacheHit ? 1 : 0);
            upsert.Parameters.Add(new NpgsqlParameter("buckets", NpgsqlDbType.Array | NpgsqlDbType.Integer)
            {
                Value = answer && @event.LatencyMs is { } latency ? LatencyHistogram.Of(latency) : new int[LatencyHistogram.BucketCount],
            });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}

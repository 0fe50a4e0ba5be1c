using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using VoiceHelper.Contracts.Events;
using VoiceHelper.Conversations.Common;

namespace VoiceHelper.Conversations.ProjectConversationStats;

/// <summary>
/// Folds <c>conversation.message_sent</c> into one statistics row per tenant and UTC day. It writes through the
/// DbContext, so Wolverine's transaction (begun around the handler) commits the counters together with the inbox
/// mark of the event: a redelivered event is dropped by the inbox and never counted twice. It acts for every tenant,
/// so it writes with SQL and the tenant named by the event.
/// </summary>
public sealed class ProjectConversationStatsHandler
{
    public static async Task HandleAsync(ConversationMessageSent @event, ConversationsDbContext db, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(@event.SentAt.UtcDateTime);
        var firstToday = await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO conversation_stats_seen (tenant_id, day, conversation_id) VALUES (@t, @d, @c) ON CONFLICT DO NOTHING",
            [new NpgsqlParameter("t", @event.TenantId), new NpgsqlParameter("d", day), new NpgsqlParameter("c", @event.ConversationId)],
            cancellationToken) == 1;

        var answer = @event.Role == MessageRoles.Assistant;
        await db.Database.ExecuteSqlRawAsync(
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
            """,
            [
                new NpgsqlParameter("t", @event.TenantId),
                new NpgsqlParameter("d", day),
                new NpgsqlParameter("conversations", firstToday ? 1 : 0),
                new NpgsqlParameter("answers", answer ? 1 : 0),
                new NpgsqlParameter("interrupted", answer && @event.Interrupted ? 1 : 0),
                new NpgsqlParameter("tokens", (long)@event.TokensUsed),
                new NpgsqlParameter("hits", answer && @event.CacheHit ? 1 : 0),
                new NpgsqlParameter("buckets", NpgsqlDbType.Array | NpgsqlDbType.Integer)
                {
                    Value = answer && @event.LatencyMs is { } latency ? LatencyHistogram.Of(latency) : new int[LatencyHistogram.BucketCount],
                },
            ],
            cancellationToken);
    }
}

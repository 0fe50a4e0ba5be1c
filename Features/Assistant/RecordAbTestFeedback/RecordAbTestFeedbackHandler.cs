using Npgsql;
using VoiceHelper.Contracts.Events;

namespace VoiceHelper.Assistant.RecordAbTestFeedback;

/// <summary>
/// Attributes a rating from Conversations to the A/B variant that produced the rated answer: the test outcome recorded
/// in the same conversation just before the answer was stored (the Assistant records it, then Conversations stores the
/// message). An answer given outside a test (cached, canned, no test running) has no such outcome and its rating is
/// not counted. One upsert statement: a redelivered event, or a second vote, leaves one rating per user and message. It
/// acts for every tenant, so it writes with SQL and the tenant named by the event.
/// </summary>
public sealed class RecordAbTestFeedbackHandler
{
    /// <summary>How long before the stored answer its outcome may have been recorded (the answer's generation time at most).</summary>
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromMinutes(2);

    public static async Task HandleAsync(ConversationFeedbackSubmitted @event, NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        if (@event.UserId is not { } userId)
        {
            return;
        }
        await using var command = database.CreateCommand(
            """
            INSERT INTO ab_test_feedback (tenant_id, test_id, message_id, user_id, variant, rating, recorded_at)
            SELECT o.tenant_id, o.test_id, @message, @user, o.variant, @rating, @at
            FROM ab_test_outcomes o
            WHERE o.tenant_id = @tenant AND o.conversation_id = @conversation AND o.recorded_at <= @answered AND o.recorded_at > @since
            ORDER BY o.recorded_at DESC
            LIMIT 1
            ON CONFLICT (test_id, message_id, user_id) DO UPDATE SET rating = EXCLUDED.rating, recorded_at = EXCLUDED.recorded_at
            """);
        command.Parameters.AddRange(new NpgsqlParameter[]
            {
                new NpgsqlParameter("tenant", @event.TenantId), new NpgsqlParameter("conversation", @event.ConversationId),
                new NpgsqlParameter("message", @event.MessageId), new NpgsqlParameter("user", userId),
                new NpgsqlParameter("rating", @event.Rating), new NpgsqlParameter("at", @event.SubmittedAt.UtcDateTime),
                new NpgsqlParameter("answered", @event.AnsweredAt.UtcDateTime),
                new NpgsqlParameter("since", (@event.AnsweredAt - AnswerWindow).UtcDateTime),
            });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

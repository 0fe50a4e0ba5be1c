using Npgsql;

namespace VoiceHelper.Conversations.Tests.SummarizeConversation;

/// <summary>The summary columns of a conversation, read straight from conversationsdb.</summary>
public sealed record SummaryRow(string? Summary, long Through)
{
    public static async Task<SummaryRow> ReadAsync(string connectionString, Guid conversationId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT summary, summary_through FROM conversations WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", conversationId);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
        return new SummaryRow(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1));
    }

    /// <summary>Messages of the tenant that the statistics consumer has projected: proof the bus delivered their events.</summary>
    public static async Task<int> ProjectedMessagesAsync(string connectionString, Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT coalesce(sum(messages), 0)::int FROM conversation_stats_daily WHERE tenant_id = @t", connection);
        command.Parameters.AddWithValue("t", tenantId);
        return (int)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}

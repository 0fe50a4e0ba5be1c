using Microsoft.Extensions.Configuration;
using Npgsql;
using VoiceHelper.Contracts.Events;
using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.EventBus.TestConsumer;

/// <summary>
/// Writes one row per handled event into its own database, with the inbox mark in the same transaction, and
/// reports progress on stdout so the test knows when to kill it.
/// </summary>
internal sealed class EffectHandler(IConfiguration configuration) : IEventHandler<DocumentUploaded>
{
    public const string Database = "effectsdb";

    public async Task HandleAsync(DocumentUploaded @event, EventContext context, CancellationToken cancellationToken)
    {
        var hang = Environment.GetEnvironmentVariable("EVENTBUS_TEST_HANG");
        await using var connection = new NpgsqlConnection(configuration.GetConnectionString(Database));
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await context.TryMarkProcessedAsync(connection, transaction, cancellationToken))
        {
            Report($"duplicate {context.EventId}");
            return;
        }
        await using (var effect = new NpgsqlCommand("INSERT INTO effects (event_id, document_id, pid) VALUES (@id, @document, @pid)", connection, transaction))
        {
            effect.Parameters.AddWithValue("id", context.EventId);
            effect.Parameters.AddWithValue("document", @event.DocumentId);
            effect.Parameters.AddWithValue("pid", Environment.ProcessId);
            await effect.ExecuteNonQueryAsync(cancellationToken);
        }
        if (hang == "before-commit")
        {
            Report($"handling {context.EventId}");
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        Report($"committed {context.EventId}");
        if (hang == "after-commit")
        {
            // The effect is durable but the group's offset is not: the worst moment to die.
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private static void Report(string line)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }
}

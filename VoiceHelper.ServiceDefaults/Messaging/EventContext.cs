using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>Where an event came from and how often it has been tried; the handler's way to be idempotent.</summary>
public sealed class EventContext
{
    /// <summary>Built by the consumer; public so that a handler's unit test can build one too.</summary>
    public EventContext(EventEnvelope envelope, string group, int partition, long offset, int attempt)
    {
        Envelope = envelope;
        Group = group;
        Partition = partition;
        Offset = offset;
        Attempt = attempt;
    }

    public EventEnvelope Envelope { get; }
    public Guid EventId => Envelope.Id;
    public Guid TenantId => Envelope.TenantId;
    public string Group { get; }
    public int Partition { get; }
    public long Offset { get; }

    /// <summary>1 on the first delivery; the event is dead-lettered after <see cref="EventBusOptions.MaxAttempts"/>.</summary>
    public int Attempt { get; }

    /// <summary>
    /// Records in the handler's own database, inside its transaction, that this group processed the event.
    /// Returns false when it already was: the handler then skips its effect. Because the mark commits or rolls
    /// back with the effect, a redelivery (after a crash, or a duplicate in the log) never applies it twice.
    /// Needs the inbox table that <c>AddOutbox</c> creates in that database.
    /// </summary>
    public async Task<bool> TryMarkProcessedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO inbox_messages (consumer_group, event_id) VALUES (@group, @id) ON CONFLICT DO NOTHING";
        AddParameter(command, "group", Group);
        AddParameter(command, "id", EventId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The same as the ADO.NET overload, inside the context's current transaction (which must exist).</summary>
    public Task<bool> TryMarkProcessedAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Begin a transaction on the DbContext before marking an event processed, so the mark commits with the effect.");
        return TryMarkProcessedAsync(context.Database.GetDbConnection(), transaction, cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

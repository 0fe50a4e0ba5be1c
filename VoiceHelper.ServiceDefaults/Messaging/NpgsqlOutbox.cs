using System.Data.Common;
using Wolverine;
using Wolverine.RDBMS;
using Wolverine.Runtime;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>
/// Wolverine's outbox on a plain ADO.NET transaction, for handlers that write with Npgsql rather than EF Core:
/// events published after <see cref="EnlistInOutboxAsync"/> are stored in that transaction (in the service's own
/// database) and exist if and only if it commits; <see cref="FlushOutgoingMessagesAsync"/> after the commit sends them
/// at once, and Wolverine's durability agent sends them anyway if the process dies in between.
/// </summary>
public static class NpgsqlOutbox
{
    public static Task EnlistInOutboxAsync(this IMessageContext context, DbTransaction transaction)
    {
        var bus = context as MessageContext
            ?? throw new InvalidOperationException("Only a Wolverine message context can enlist in an outbox.");
        if (!bus.TryFindMessageDatabase(out var database))
        {
            throw new InvalidOperationException("The event bus has no database-backed message store to keep the outbox in.");
        }
        return bus.EnlistInOutboxAsync(new DatabaseEnvelopeTransaction(database!, transaction));
    }

    public static Task FlushOutgoingMessagesAsync(this IMessageContext context) =>
        (context as MessageContext ?? throw new InvalidOperationException("Only a Wolverine message context has outgoing messages."))
            .FlushOutgoingMessagesAsync();
}

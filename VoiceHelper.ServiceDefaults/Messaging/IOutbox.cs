using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Contracts.Events;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>
/// Records events in the service's own database, in the caller's transaction: they exist if and only if the
/// change commits, and a background relay moves them to the bus even if the process dies right after the commit.
/// </summary>
public interface IOutbox
{
    /// <summary>Enqueues events on an open ADO.NET connection inside <paramref name="transaction"/>.</summary>
    Task EnqueueAsync<TEvent>(DbConnection connection, DbTransaction transaction, IReadOnlyList<TEvent> events,
        Func<TEvent, string>? key = null, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent;

    /// <summary>
    /// Enqueues events inside the context's current transaction (begin one with
    /// <c>Database.BeginTransactionAsync()</c> around <c>SaveChangesAsync</c>); throws when there is none, because
    /// the event would otherwise commit on its own.
    /// </summary>
    Task EnqueueAsync<TEvent>(DbContext context, IReadOnlyList<TEvent> events,
        Func<TEvent, string>? key = null, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent;
}

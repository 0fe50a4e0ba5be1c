using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Contracts.Events;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>Single-event shorthands for <see cref="IOutbox"/>.</summary>
public static class OutboxExtensions
{
    /// <summary>Enqueues one event in <paramref name="transaction"/>; <paramref name="key"/> defaults to tenant and user.</summary>
    public static Task EnqueueAsync<TEvent>(this IOutbox outbox, DbConnection connection, DbTransaction transaction, TEvent @event,
        string? key = null, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent =>
        outbox.EnqueueAsync(connection, transaction, [@event], key is null ? null : _ => key, cancellationToken);

    /// <summary>Enqueues one event in the context's current transaction; <paramref name="key"/> defaults to tenant and user.</summary>
    public static Task EnqueueAsync<TEvent>(this IOutbox outbox, DbContext context, TEvent @event,
        string? key = null, CancellationToken cancellationToken = default)
        where TEvent : IIntegrationEvent =>
        outbox.EnqueueAsync(context, [@event], key is null ? null : _ => key, cancellationToken);
}

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>The dead-letter topic as the admin sees it: always scoped to one tenant.</summary>
public interface IDeadLetters
{
    Task<DeadLetterPage> ListAsync(Guid tenantId, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends the event again to its topic, for the group that dead-lettered it only (other groups, which
    /// handled it, skip it), and marks the dead letter replayed. A letter of another tenant is <see cref="ReplayResult.NotFound"/>.
    /// </summary>
    Task<ReplayResult> ReplayAsync(Guid tenantId, long id, CancellationToken cancellationToken = default);
}

using VoiceHelper.ServiceDefaults.Http;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>This service's dead letters as an admin sees them: always scoped to one tenant.</summary>
public interface IDeadLetters
{
    Task<PageResponse<DeadLetter>> ListAsync(Guid tenantId, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>
    /// Hands the event back to this service's inbox, where it runs once more through the same handler and policy.
    /// A letter of another tenant is <see cref="ReplayResult.NotFound"/>.
    /// </summary>
    Task<ReplayResult> ReplayAsync(Guid tenantId, Guid id, CancellationToken cancellationToken = default);

    /// <summary>Replays every dead letter of the tenant; returns how many.</summary>
    Task<int> ReplayAllAsync(Guid tenantId, CancellationToken cancellationToken = default);
}

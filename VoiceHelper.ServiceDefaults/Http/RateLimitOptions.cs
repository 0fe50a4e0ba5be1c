namespace VoiceHelper.ServiceDefaults.Http;

/// <summary>
/// Limits applied once, at the edge: only to requests that came through the gateway (<see cref="EdgeRequest"/>).
/// An authenticated caller counts against its user's and its tenant's bucket, an anonymous one against its IP's.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int PermitsPerUser { get; set; } = 600;

    /// <summary>Shared by every user of a tenant, so that one tenant cannot take the whole system.</summary>
    public int PermitsPerTenant { get; set; } = 6000;

    public int PermitsPerIp { get; set; } = 300;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The stricter <c>auth</c> policy for login and registration, per IP.</summary>
    public int AuthPermitsPerIp { get; set; } = 30;
}

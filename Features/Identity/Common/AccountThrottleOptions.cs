using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Identity.Common;

/// <summary>
/// Login and register attempts per account (email) per window, on top of the per-IP <c>auth</c> rate limit:
/// a botnet spreads over IPs but not over accounts.
/// </summary>
public sealed class AccountThrottleOptions
{
    public const string Section = "AccountThrottle";

    [Range(1, 100_000)] public int PermitsPerWindow { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

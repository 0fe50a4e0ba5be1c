namespace VoiceHelper.ServiceDefaults.Http;

/// <summary>Per-caller limits: an authenticated user gets its own bucket, anonymous callers one per IP.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int PermitsPerUser { get; set; } = 600;
    public int PermitsPerIp { get; set; } = 300;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The stricter <c>auth</c> policy for login and registration, per IP.</summary>
    public int AuthPermitsPerIp { get; set; } = 30;
}

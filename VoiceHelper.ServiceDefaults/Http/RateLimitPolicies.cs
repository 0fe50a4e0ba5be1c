namespace VoiceHelper.ServiceDefaults.Http;

/// <summary>Rate-limit policy names that endpoints name with <c>RequireRateLimiting</c>, beyond the global per-caller limits.</summary>
public static class RateLimitPolicies
{
    /// <summary>The stricter per-IP limit for sign-in, refresh and registration (<c>RateLimits:AuthPermitsPerIp</c>).</summary>
    public const string Auth = "auth";
}

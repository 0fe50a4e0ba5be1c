namespace VoiceHelper.Identity.Common;

/// <summary>The stricter per-IP rate-limit policy that ServiceDefaults defines for sign-in and registration.</summary>
public static class AuthRateLimit
{
    public const string Policy = "auth";
}

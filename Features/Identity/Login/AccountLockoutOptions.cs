using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Identity.Login;

/// <summary>How many wrong passwords in a row lock an account, and for how long.</summary>
public sealed class AccountLockoutOptions
{
    public const string Section = "Lockout";

    [Range(1, 100)] public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}

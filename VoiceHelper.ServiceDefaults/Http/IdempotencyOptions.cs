namespace VoiceHelper.ServiceDefaults.Http;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";
    public const string HeaderName = "Idempotency-Key";

    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a first request may run before a retry with the same key is allowed to run again.</summary>
    public TimeSpan PendingTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Responses larger than this are not stored (the request still succeeds; a retry re-executes).</summary>
    public int MaxStoredResponseBytes { get; set; } = 1024 * 1024;
}

using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.ServiceDefaults.Security;

/// <summary>How services verify tenants' API keys (<c>Authorization: Bearer vh_...</c> or an <c>api-key</c> header).</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "ApiKeys";

    /// <summary>The longest <see cref="CacheDuration"/> allowed; Identity keeps a revocation marker in Redis this long.</summary>
    public static readonly TimeSpan MaxCacheDuration = TimeSpan.FromMinutes(10);

    /// <summary>Identity's base address; a service name resolves through service discovery.</summary>
    [Required] public string IdentityAddress { get; set; } = "http://identity";

    /// <summary>
    /// How long a verification (valid or not) is reused before Identity is asked again. A revoked key stops at once through
    /// the Redis marker; with Redis down, within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}

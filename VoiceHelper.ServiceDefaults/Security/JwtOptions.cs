using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.ServiceDefaults.Security;

/// <summary>How services validate VoiceHelper access tokens.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    [Required] public string Issuer { get; set; } = "voicehelper";
    [Required] public string Audience { get; set; } = "voicehelper";

    /// <summary>Where the signing keys are published; a service name resolves through service discovery.</summary>
    [Required] public string JwksUrl { get; set; } = "http://identity/.well-known/jwks.json";

    /// <summary>How long fetched keys are trusted before they are fetched again (a new key id also triggers a fetch).</summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}

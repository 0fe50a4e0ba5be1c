using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.ServiceDefaults.Security;

/// <summary>How services validate VoiceHelper access tokens.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    [Required] public string Issuer { get; set; } = "voicehelper";
    [Required] public string Audience { get; set; } = "voicehelper";

    /// <summary>
    /// Identity's OpenID configuration document (issuer and <c>jwks_uri</c>); a service name resolves through service
    /// discovery. JwtBearer fetches the keys from it, caches them and fetches again on an unknown key id.
    /// </summary>
    [Required] public string MetadataAddress { get; set; } = "http://identity/.well-known/openid-configuration";

    /// <summary>How long fetched keys are trusted before they are fetched again.</summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The shortest time between two fetches caused by unknown key ids, so forged ids cannot make us hammer Identity.</summary>
    public TimeSpan KeyRefetchInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}

using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Identity.Common;

/// <summary>Lifetimes of the tokens Identity issues (issuer and audience are the shared <c>Jwt</c> options).</summary>
public sealed class TokenOptions
{
    public const string Section = "Tokens";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a just-exchanged refresh token, presented again, gets the same successor instead of counting as a reuse
    /// (which revokes the family): a client that lost the new pair between the exchange and saving it (a reload, a
    /// dropped response) keeps its session. Zero turns the grace off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RefreshReuseGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A widget visitor's token: short, because it lives in a public page; the widget exchanges its key again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan VisitorTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}

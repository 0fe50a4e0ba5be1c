using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Console.Common;

public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>
    /// How long before an access token lapses the console refreshes it, so a request never leaves with a token about to
    /// expire. A margin as long as the token's lifetime or longer means half the lifetime.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Where the browser reaches the voice worker's call engine (<c>/voice/voice-call.js</c>) and <c>/ws/voice</c>. Unset:
    /// the console's own origin, which is the gateway's, where both are routed.
    /// </summary>
    public Uri? VoiceAddress { get; set; }
}

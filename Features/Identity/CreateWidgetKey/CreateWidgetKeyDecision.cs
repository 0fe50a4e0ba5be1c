using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.CreateWidgetKey;

public static class CreateWidgetKeyDecision
{
    /// <returns>The error to answer, or null when another key may be created.</returns>
    public static Error? Decide(int activeKeys) => activeKeys >= IdentityErrors.MaxActiveApiKeys ? IdentityErrors.WidgetKeyLimit : null;

    /// <summary>The origins as browsers send them, each once, in the order given.</summary>
    public static string[] Origins(IEnumerable<string> requested) =>
        [.. requested.Select(WidgetOrigins.Normalize).OfType<string>().Distinct(StringComparer.Ordinal)];
}

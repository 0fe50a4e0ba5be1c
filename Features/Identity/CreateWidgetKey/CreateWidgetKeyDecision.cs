using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.CreateWidgetKey;

public static class CreateWidgetKeyDecision
{
    /// <param name="missingKnowledgeBases">The requested knowledge bases Knowledge does not show the caller; null when it could not tell.</param>
    /// <returns>The error to answer, or null when the key may be created.</returns>
    public static Error? Decide(int activeKeys, IReadOnlyCollection<Guid>? missingKnowledgeBases) =>
        activeKeys >= IdentityErrors.MaxActiveApiKeys ? IdentityErrors.WidgetKeyLimit
        : missingKnowledgeBases is null ? IdentityErrors.KnowledgeUnavailable
        : missingKnowledgeBases.Count > 0 ? IdentityErrors.KnowledgeBasesNotFound(missingKnowledgeBases)
        : null;

    /// <summary>The origins as browsers send them, each once, in the order given.</summary>
    public static string[] Origins(IEnumerable<string> requested) =>
        [.. requested.Select(WidgetOrigins.Normalize).OfType<string>().Distinct(StringComparer.Ordinal)];
}

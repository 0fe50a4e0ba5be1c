namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>
/// What adapts pocketsphinx to a knowledge base: its ARPA language model (mixed with the general one with
/// <paramref name="DomainWeight"/>) and CMU pronunciations of the words the general dictionary lacks.
/// </summary>
public sealed record PocketsphinxAdaptation(string LanguageModelPath, IReadOnlyDictionary<string, string> Pronunciations, float DomainWeight)
{
    /// <summary>
    /// pocketsphinx search arguments for the adapted decoders, flag to value (<c>-lw</c>, <c>-fwdflatlw</c>, <c>-bestpathlw</c>,
    /// <c>-wip</c>, beams...); pocketsphinx's defaults where empty. pocketsphinx itself rejects an unknown flag.
    /// </summary>
    public IReadOnlyDictionary<string, string> Search { get; init; } = new Dictionary<string, string>();
}

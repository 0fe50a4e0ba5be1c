namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>
/// What adapts pocketsphinx to a knowledge base: its ARPA language model (mixed with the general one with
/// <paramref name="DomainWeight"/>) and CMU pronunciations of the words the general dictionary lacks;
/// <paramref name="LanguageWeight"/> scales the language model against the acoustics (pocketsphinx's <c>-lw</c>, 6.5 by default).
/// </summary>
public sealed record PocketsphinxAdaptation(string LanguageModelPath, IReadOnlyDictionary<string, string> Pronunciations, float DomainWeight,
    float LanguageWeight = 6.5f);

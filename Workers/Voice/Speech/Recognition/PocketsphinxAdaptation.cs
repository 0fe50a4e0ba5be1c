namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>
/// What adapts pocketsphinx to a knowledge base: its ARPA language model (mixed with the general one with
/// <paramref name="DomainWeight"/>) and CMU pronunciations of the words the general dictionary lacks.
/// </summary>
public sealed record PocketsphinxAdaptation(string LanguageModelPath, IReadOnlyDictionary<string, string> Pronunciations, float DomainWeight);

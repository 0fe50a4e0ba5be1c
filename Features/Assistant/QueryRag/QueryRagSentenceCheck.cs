namespace VoiceHelper.Assistant.QueryRag;

public sealed record QueryRagSentenceCheck(string Sentence, IReadOnlyList<int> Citations, double Support, bool Supported);

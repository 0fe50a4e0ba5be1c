namespace VoiceHelper.Assistant.Grounding;

/// <summary>A source sentence the extractive answerer may quote: its source's number, its place, and its share of the question's words.</summary>
public sealed record ExtractiveCandidate(string Sentence, int Source, int Order, double Support);

namespace VoiceHelper.Assistant.Grounding;

/// <summary>A numbered passage given to the model; the answer cites it as <c>[Number]</c>.</summary>
public sealed record GroundedSource(int Number, string Title, string Text);

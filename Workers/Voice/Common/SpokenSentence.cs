namespace VoiceHelper.Voice.Common;

/// <summary>A sentence of the answer and where it sits in the answer's text (<c>[Start, End)</c>).</summary>
public sealed record SpokenSentence(string Text, int Start, int End);

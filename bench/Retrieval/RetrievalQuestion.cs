namespace VoiceHelper.Retrieval.Bench;

/// <summary>One line of the questions file: the question and the file name of the document that answers it.</summary>
public sealed record RetrievalQuestion(string Question, string? Doc, string? Split = null);

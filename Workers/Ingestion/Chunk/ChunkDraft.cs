namespace VoiceHelper.Ingestion.Chunk;

/// <summary>A chunk before embedding: its text, where it sits in the document, and its size in tokens.</summary>
public sealed record ChunkDraft(string Text, IReadOnlyList<string> HeadingPath, int? Page, int TokenCount)
{
    /// <summary>What is embedded and keyword-indexed: the heading path gives the chunk its context ("Billing > Refunds").</summary>
    public string IndexText => HeadingPath.Count == 0 ? Text : string.Join(" > ", HeadingPath) + "\n" + Text;
}

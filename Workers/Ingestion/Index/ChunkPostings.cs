namespace VoiceHelper.Ingestion.Index;

/// <summary>A chunk's distinct terms with their frequency, and its length in terms (BM25's |d|).</summary>
public sealed record ChunkPostings(IReadOnlyList<(string Term, int Tf)> Terms, int Length);

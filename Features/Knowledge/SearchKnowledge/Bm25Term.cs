namespace VoiceHelper.Knowledge.SearchKnowledge;

/// <summary>A query term with its count in the query, its BM25 idf and its document frequency.</summary>
public sealed record Bm25Term(string Term, int Qtf, double Idf, long Df);

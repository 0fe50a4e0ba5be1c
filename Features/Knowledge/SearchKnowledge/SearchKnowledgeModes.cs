namespace VoiceHelper.Knowledge.SearchKnowledge;

public static class SearchKnowledgeModes
{
    public const string Hybrid = "hybrid";
    public const string Vector = "vector";
    public const string Keyword = "keyword";

    public static readonly string[] All = [Hybrid, Vector, Keyword];
}

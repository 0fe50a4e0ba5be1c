namespace VoiceHelper.Contracts.Api;

/// <summary>The values of <c>mode</c> and <c>effective_mode</c> in a knowledge search.</summary>
public static class KnowledgeSearchModes
{
    public const string Hybrid = "hybrid";
    public const string Vector = "vector";
    public const string Keyword = "keyword";

    public static readonly string[] All = [Hybrid, Vector, Keyword];
}

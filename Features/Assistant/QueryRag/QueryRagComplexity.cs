namespace VoiceHelper.Assistant.QueryRag;

public enum QueryRagComplexity
{
    Simple,
    Moderate,
    Complex,
}

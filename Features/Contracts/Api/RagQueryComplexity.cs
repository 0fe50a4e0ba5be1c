namespace VoiceHelper.Contracts.Api;

public enum RagQueryComplexity
{
    Simple,
    Moderate,
    Complex,
}

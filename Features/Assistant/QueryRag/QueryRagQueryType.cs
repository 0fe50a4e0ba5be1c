namespace VoiceHelper.Assistant.QueryRag;

public enum QueryRagQueryType
{
    Factual,
    HowTo,
    ChitChat,
    OutOfScope,
}

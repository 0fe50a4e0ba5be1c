namespace VoiceHelper.Assistant.Common;

public enum KnowledgeSearchOutcome
{
    Found,
    KnowledgeBaseNotFound,
    Unavailable,
    Throttled,
}

namespace VoiceHelper.Contracts.Api;

/// <summary>On the wire in snake_case: <c>factual</c>, <c>how_to</c>, <c>chit_chat</c>, <c>out_of_scope</c>.</summary>
public enum RagQueryType
{
    Factual,
    HowTo,
    ChitChat,
    OutOfScope,
}

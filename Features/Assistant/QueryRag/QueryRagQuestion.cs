using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>The question as the pipeline works with it, after the understand stage.</summary>
/// <param name="Query">What is searched, cached and answered: the question, joined to the previous one when it is a follow-up.</param>
/// <param name="Conversational">The conversation goes into a chat model's prompt.</param>
/// <param name="UseCache">Asked for, and the answer does not depend on the conversation.</param>
/// <param name="Features">The <c>features_used</c> known before any work.</param>
public sealed record QueryRagQuestion(
    string Query,
    RagQueryClassification Classification,
    IReadOnlyList<Guid> KnowledgeBaseIds,
    int TopK,
    bool Conversational,
    bool UseCache,
    IReadOnlyList<RagTurn>? History,
    IReadOnlyList<string> Features)
{
    public bool Chinese => Classification.Language == "zh";
}

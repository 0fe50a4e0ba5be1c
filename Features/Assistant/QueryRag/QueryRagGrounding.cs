using Microsoft.Extensions.Options;
using VoiceHelper.Ai.Chat;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Assistant.Grounding;
using VoiceHelper.Assistant.Models;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>
/// The ground stage: every sentence of the answer must be supported by the source it cites. A model's answer goes to
/// the LLM judge when one can judge, the extractive answer (and a failed judge) to the embedded check. When a sentence
/// is unsupported the answer is regenerated once in strict mode and only its supported sentences are kept.
/// </summary>
public sealed class QueryRagGrounding(ChatModelRouter router, QueryRagJudge judge, IOptions<RagOptions> options)
{
    public async Task<QueryRagGrounded> GroundAsync(QueryRagQuestion question, IReadOnlyList<QueryRagContextSource> context,
        GroundedConversation? conversation, RoutedAnswer routed, bool selfCheck, CancellationToken cancellationToken,
        IReadOnlyList<ChatModel>? chain = null, Microsoft.Extensions.AI.ChatOptions? chatOptions = null)
    {
        var answer = routed.Text.Trim();
        var tokens = routed.InputTokens + routed.OutputTokens;
        if (!selfCheck || GroundedPrompt.IsDontKnow(answer))
        {
            return new QueryRagGrounded(answer, routed, tokens, routed.CostUsd, false, false);
        }
        var sourceTexts = QueryRagSources.ForCheck(context);
        if (conversation is not null)
        {
            // What the user said earlier is checked against the conversation, everything else against the documents.
            sourceTexts[GroundedConversation.SourceNumber] = QueryRagHistory.AsSourceText(conversation);
        }
        if ((await CheckAsync(routed, answer, sourceTexts, cancellationToken)).All(c => c.Supported))
        {
            return new QueryRagGrounded(answer, routed, tokens, routed.CostUsd, true, false);
        }
        var strictPrompt = GroundedPrompt.Build(question.Query, QueryRagSources.ForPrompt(context), strict: true, conversation);
        var strict = chain is null
            ? await router.AnswerAsync(strictPrompt, cancellationToken)
            : await router.AnswerAsync(chain, strictPrompt, chatOptions, cancellationToken);
        var strictAnswer = strict.Text.Trim();
        var kept = QueryRagGroundedness.KeepSupported(strictAnswer, await CheckAsync(strict, strictAnswer, sourceTexts, cancellationToken))
            ?? GroundedPrompt.DontKnow(question.Chinese);
        return new QueryRagGrounded(kept, strict with { FallbackUsed = routed.FallbackUsed || strict.FallbackUsed },
            tokens + strict.InputTokens + strict.OutputTokens, routed.CostUsd + strict.CostUsd, true, true);
    }

    private async Task<IReadOnlyList<QueryRagSentenceCheck>> CheckAsync(RoutedAnswer routed, string answer,
        IReadOnlyDictionary<int, string> sourceTexts, CancellationToken cancellationToken)
    {
        if (GroundedPrompt.IsDontKnow(answer))
        {
            return [];
        }
        var judged = routed.Model.Options.Provider == ChatProvider.Extractive ? null : await judge.CheckAsync(answer, sourceTexts, cancellationToken);
        return judged ?? QueryRagGroundedness.Check(answer, sourceTexts, options.Value.GroundednessThreshold);
    }
}

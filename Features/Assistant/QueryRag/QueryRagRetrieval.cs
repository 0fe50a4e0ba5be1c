using Microsoft.Extensions.Options;
using VoiceHelper.Ai.Reranking;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>
/// The retrieve stage: hybrid search in Knowledge (keyword-only when Knowledge cannot serve hybrid at all), then the
/// reranker's order (retrieval's order when the reranker fails), cut to top_k.
/// </summary>
public sealed class QueryRagRetrieval(KnowledgeClient knowledge, IReranker reranker, IOptions<RagOptions> options, TimeProvider clock,
    ILogger<QueryRagRetrieval> logger)
{
    public async Task<Result<QueryRagRetrieved>> RetrieveAsync(QueryRagQuestion question, bool useRerank, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var candidates = Math.Max(question.TopK * options.Value.CandidateMultiplier, 10);
        var search = await knowledge.SearchAsync(question.Query, question.KnowledgeBaseIds, candidates, KnowledgeSearchModes.Hybrid, cancellationToken);
        var keywordOnly = false;
        if (search.Outcome == KnowledgeSearchOutcome.Unavailable)
        {
            search = await knowledge.SearchAsync(question.Query, question.KnowledgeBaseIds, candidates, KnowledgeSearchModes.Keyword, cancellationToken);
            keywordOnly = true;
        }
        if (Failure(search.Outcome, search.RetryAfter) is { } error)
        {
            return error;
        }
        var retrieved = search.Response!;
        List<string> features = [keywordOnly || retrieved.EffectiveMode == KnowledgeSearchModes.Keyword ? QueryRagFeatures.KeywordFallback : QueryRagFeatures.HybridRetrieval];
        var retrievalMs = QueryRagClock.Milliseconds(clock.GetElapsedTime(started));

        var rerankStarted = clock.GetTimestamp();
        var ranked = retrieved.Results.Select(c => (Chunk: c, c.Score)).ToList();
        if (useRerank && ranked.Count > 1)
        {
            try
            {
                var order = await reranker.RerankAsync(question.Query, ranked.Select(r => $"{r.Chunk.DocumentTitle}\n{QueryRagSources.HeadingPath(r.Chunk)}\n{r.Chunk.Text}").ToList(),
                    question.TopK, cancellationToken);
                ranked = order.Select(r => (ranked[r.Index].Chunk, r.Score)).ToList();
                features.Add(QueryRagFeatures.Rerank);
            }
            catch (Exception exception) when (exception is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Reranking failed, keeping retrieval's order: {Error}", exception.Message);
            }
        }
        return new QueryRagRetrieved(ranked.Take(question.TopK).ToList(), features, retrievalMs, QueryRagClock.Milliseconds(clock.GetElapsedTime(rerankStarted)));
    }

    /// <summary>What a search outcome means for the caller: nothing (found), or the error it answers.</summary>
    public static Error? Failure(KnowledgeSearchOutcome outcome, TimeSpan? retryAfter) => outcome switch
    {
        KnowledgeSearchOutcome.Found => null,
        KnowledgeSearchOutcome.KnowledgeBaseNotFound => AssistantErrors.KnowledgeBaseNotFound,
        KnowledgeSearchOutcome.Throttled => AssistantErrors.KnowledgeThrottled(retryAfter ?? TimeSpan.FromSeconds(1)),
        _ => AssistantErrors.KnowledgeUnavailable,
    };
}

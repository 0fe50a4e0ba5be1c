using System.Text.Json;
using MediatR;
using Microsoft.Extensions.Options;
using VoiceHelper.Ai.Chat;
using VoiceHelper.Ai.Reranking;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Contracts.Events;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;
using Wolverine.EntityFrameworkCore;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>
/// classify -> (cache) -> retrieve -> rerank -> context -> generate -> self-check -> record usage -> (cache).
/// Chit-chat and out-of-scope questions stop after classification; a cache hit stops before retrieval.
/// </summary>
public sealed class QueryRagHandler(
    KnowledgeClient knowledge,
    IReranker reranker,
    ChatModelRouter router,
    ChatModelCatalog catalog,
    SemanticCache cache,
    QueryRagJudge judge,
    AssistantDbContext db,
    IDbContextOutbox<AssistantDbContext> outbox,
    ITenantContext tenant,
    IOptions<RagOptions> options,
    TimeProvider clock,
    ILogger<QueryRagHandler> logger) : IRequestHandler<QueryRagRequest, Result<QueryRagResponse>>
{
    public async Task<Result<QueryRagResponse>> Handle(QueryRagRequest request, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var sink = request.Sink;
        var query = request.Query.Trim();
        var features = new List<string> { QueryRagFeatures.Classifier };
        if (sink is not null)
        {
            features.Add(QueryRagFeatures.Streaming);
        }
        var classification = QueryRagClassifier.Classify(query);
        var classificationMs = Elapsed(started);
        var chinese = classification.Language == "zh";
        if (classification.RetrievalSkipped)
        {
            var reply = QueryRagClassifier.Reply(classification);
            await StreamWholeAsync(sink, [], reply, cancellationToken);
            return new QueryRagResponse(reply, [], new QueryRagMetrics(classificationMs, 0, 0, 0, 0, Elapsed(started), 0, 0, false, false),
                features, classification, null, false);
        }

        query = QueryRagFollowUp.RetrievalQuery(query, request.History);
        var tenantId = tenant.TenantId!.Value;
        var knowledgeBaseIds = request.KbIds!.Distinct().ToList();
        // A chat model reads the conversation, so its answer to the same words depends on what was said before
        // ("what was my name?"); the cache is keyed by the question alone, so such a question skips it both ways.
        var conversational = QueryRagHistory.UsesHistory(catalog.Primary.Options.Provider, request.History);
        var useCache = request.UseCache && !conversational;
        var lookup = CacheLookup.Unavailable;
        if (useCache)
        {
            lookup = await cache.LookupAsync(tenantId, knowledgeBaseIds, query, cancellationToken);
            features.Add(lookup.Available ? QueryRagFeatures.SemanticCache : QueryRagFeatures.CacheUnavailable);
            if (lookup.Payload is { } payload && JsonSerializer.Deserialize<QueryRagResponse>(payload) is { } cached)
            {
                await StreamWholeAsync(sink, cached.Sources, cached.Answer, cancellationToken);
                var total = Elapsed(started);
                await RecordUsageAsync(tenantId, "cache", "semantic-cache", 0, 0, 0, total, cacheHit: true, fallbackUsed: false);
                return cached with
                {
                    Metrics = new QueryRagMetrics(classificationMs, 0, 0, 0, 0, total, 0, 0, true, false),
                    FeaturesUsed = features,
                    QueryClassifier = classification,
                };
            }
        }

        // Retrieve: hybrid first; if Knowledge cannot serve it at all, keyword-only is still an answer.
        var retrievalStarted = clock.GetTimestamp();
        var topK = request.TopK ?? QueryRagRequest.DefaultTopK;
        var candidates = Math.Max(topK * options.Value.CandidateMultiplier, 10);
        var (outcome, retrieved, retryAfter) = await knowledge.SearchAsync(query, knowledgeBaseIds, candidates, "hybrid", cancellationToken);
        var keywordFallback = retrieved?.KeywordFallback == true;
        if (outcome == KnowledgeSearchOutcome.Unavailable)
        {
            (outcome, retrieved, retryAfter) = await knowledge.SearchAsync(query, knowledgeBaseIds, candidates, "keyword", cancellationToken);
            keywordFallback = true;
        }
        if (outcome == KnowledgeSearchOutcome.KnowledgeBaseNotFound)
        {
            return AssistantErrors.KnowledgeBaseNotFound;
        }
        if (outcome == KnowledgeSearchOutcome.Throttled)
        {
            return AssistantErrors.KnowledgeThrottled(retryAfter ?? TimeSpan.FromSeconds(1));
        }
        if (outcome == KnowledgeSearchOutcome.Unavailable || retrieved is null)
        {
            return AssistantErrors.KnowledgeUnavailable;
        }
        features.Add(keywordFallback ? QueryRagFeatures.KeywordFallback : QueryRagFeatures.HybridRetrieval);
        var retrievalMs = Elapsed(retrievalStarted);

        var rerankStarted = clock.GetTimestamp();
        var ranked = retrieved.Chunks.Select(c => (Chunk: c, c.Score)).ToList();
        if (request.UseRerank && ranked.Count > 1)
        {
            try
            {
                var order = await reranker.RerankAsync(query, ranked.Select(r => $"{r.Chunk.Title}\n{r.Chunk.HeadingPath}\n{r.Chunk.Text}").ToList(), topK, cancellationToken);
                ranked = order.Select(r => (ranked[r.Index].Chunk, r.Score)).ToList();
                features.Add(QueryRagFeatures.Rerank);
            }
            catch (Exception exception) when (exception is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Reranking failed, keeping retrieval's order: {Error}", exception.Message);
            }
        }
        ranked = ranked.Take(topK).ToList();
        var rerankMs = Elapsed(rerankStarted);

        var budget = Math.Min(options.Value.ContextTokenBudget, catalog.Primary.Options.ContextWindow / 2);
        var context = QueryRagContext.Build(query, ranked, budget);
        var refs = context.Select(s => ToSource(s, cited: false)).ToList();
        if (sink is not null)
        {
            await sink.RefsAsync(refs, cancellationToken);
        }

        var generationStarted = clock.GetTimestamp();
        // The heading path is part of the title: "Password reset" above "The link expires after 60 minutes" is context.
        var prompt = context.Select(s => new GroundedSource(s.Number,
            string.IsNullOrEmpty(s.Chunk.HeadingPath) ? s.Chunk.Title : $"{s.Chunk.Title} > {s.Chunk.HeadingPath}", s.Text)).ToList();
        var conversation = conversational
            ? QueryRagHistory.Fit(request.History, QueryRagHistory.HistoryBudget(options.Value.HistoryTokenBudget,
                catalog.Primary.Options.ContextWindow, GroundedPrompt.Build(query, prompt, strict: true, new GroundedConversation(null, []))))
            : null;
        if (conversation is not null)
        {
            features.Add(QueryRagFeatures.ConversationHistory);
        }
        RoutedAnswer? routed = null;
        string answer;
        if (context.Count == 0)
        {
            answer = GroundedPrompt.DontKnow(chinese);
            if (sink is not null)
            {
                await sink.TokenAsync(answer, cancellationToken);
            }
        }
        else
        {
            Func<string, ValueTask>? onDelta = sink is null ? null : delta => sink.TokenAsync(delta, cancellationToken);
            routed = await router.AnswerAsync(GroundedPrompt.Build(query, prompt, strict: false, conversation), onDelta, cancellationToken);
            answer = routed.Text.Trim();
        }
        var generationMs = Elapsed(generationStarted);
        long tokens = routed is null ? 0 : routed.InputTokens + routed.OutputTokens;
        var cost = routed?.CostUsd ?? 0;

        var selfCheckStarted = clock.GetTimestamp();
        var selfRagTriggered = false;
        if (request.UseSelfRag && routed is not null && !GroundedPrompt.IsDontKnow(answer))
        {
            features.Add(QueryRagFeatures.SelfRag);
            var sourceTexts = context.ToDictionary(s => s.Number, s => $"{s.Chunk.Title}\n{s.Chunk.HeadingPath}\n{s.Chunk.Text}");
            if (conversation is not null)
            {
                // What the user said earlier is checked against the conversation, everything else against the documents.
                sourceTexts[GroundedConversation.SourceNumber] = QueryRagHistory.AsSourceText(conversation);
            }
            if ((await CheckAsync(routed, answer, sourceTexts, cancellationToken)).Any(c => !c.Supported))
            {
                selfRagTriggered = true;
                var strict = await router.AnswerAsync(GroundedPrompt.Build(query, prompt, strict: true, conversation), null, cancellationToken);
                tokens += strict.InputTokens + strict.OutputTokens;
                cost += strict.CostUsd;
                routed = strict with { FallbackUsed = routed.FallbackUsed || strict.FallbackUsed };
                var strictAnswer = strict.Text.Trim();
                answer = QueryRagGroundedness.KeepSupported(strictAnswer, await CheckAsync(strict, strictAnswer, sourceTexts, cancellationToken))
                    ?? GroundedPrompt.DontKnow(chinese);
            }
        }
        var selfCheckMs = Elapsed(selfCheckStarted);

        var dontKnow = GroundedPrompt.IsDontKnow(answer);
        var cited = QueryRagGroundedness.CitedNumbers(answer);
        var sources = dontKnow ? [] : context.Select(s => ToSource(s, cited.Contains(s.Number))).ToList();
        if (routed?.FallbackUsed == true)
        {
            features.Add(QueryRagFeatures.ModelFallback);
        }
        var totalMs = Elapsed(started);
        var response = new QueryRagResponse(answer, sources,
            new QueryRagMetrics(classificationMs, retrievalMs, rerankMs, generationMs, selfCheckMs, totalMs, tokens, cost, false, selfRagTriggered),
            features, classification, routed?.Model.Id, routed?.FallbackUsed ?? false);

        // The answer exists now: what it cost is recorded even if the client has gone away meanwhile.
        if (routed is not null)
        {
            await RecordUsageAsync(tenantId, routed.Model.Options.Provider.ToString(), routed.Model.Id,
                routed.InputTokens, routed.OutputTokens, cost, totalMs, cacheHit: false, routed.FallbackUsed);
        }
        if (useCache && !dontKnow)
        {
            await cache.StoreAsync(lookup, JsonSerializer.Serialize(response));
        }
        return response;
    }

    /// <summary>A model's answer goes to the LLM judge when one can judge; the extractive answer (and a failed judge) to the embedded check.</summary>
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

    private static QueryRagSource ToSource(QueryRagContextSource source, bool cited) => new(
        source.Number, source.Chunk.DocumentId, source.Chunk.ChunkId, source.Chunk.KnowledgeBaseId, source.Chunk.Title,
        source.Chunk.HeadingPath, source.Chunk.Page, source.Chunk.Position, Math.Round(source.Score, 6), source.Text, cited);

    private static async Task StreamWholeAsync(IQueryRagStream? sink, IReadOnlyList<QueryRagSource> sources, string answer, CancellationToken cancellationToken)
    {
        if (sink is null)
        {
            return;
        }
        await sink.RefsAsync(sources, cancellationToken);
        await sink.TokenAsync(answer, cancellationToken);
    }

    private async Task RecordUsageAsync(Guid tenantId, string provider, string model, long promptTokens, long completionTokens,
        decimal cost, double latencyMs, bool cacheHit, bool fallbackUsed)
    {
        var now = clock.GetUtcNow();
        var record = new UsageRecord
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            UserId = tenant.UserId,
            Operation = "rag.query",
            Provider = provider,
            Model = model,
            PromptTokens = (int)promptTokens,
            CompletionTokens = (int)completionTokens,
            CostUsd = cost,
            LatencyMs = (int)Math.Round(latencyMs),
            CacheHit = cacheHit,
            FallbackUsed = fallbackUsed,
            RecordedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        db.Usage.Add(record);
        await db.SaveChangesAsync(CancellationToken.None);
        await outbox.PublishAsync(new UsageRecorded(tenantId, tenant.UserId, record.Id, record.Operation, provider, model,
            record.PromptTokens, record.CompletionTokens, cost, record.LatencyMs, now));
        await transaction.CommitAsync(CancellationToken.None);
        await outbox.FlushOutgoingMessagesAsync();
    }

    private double Elapsed(long since) => Math.Round(clock.GetElapsedTime(since).TotalMilliseconds, 3);
}

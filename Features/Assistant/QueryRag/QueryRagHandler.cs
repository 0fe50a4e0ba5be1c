using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using VoiceHelper.Ai.Text;
using MediatR;
using Microsoft.Extensions.Options;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Assistant.Grounding;
using VoiceHelper.Assistant.Models;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>
/// The answer pipeline: understand -> (canned reply | cached answer) -> retrieve -> generate -> ground and cite -> record.
/// It yields the answer as it is produced (sources, deltas, the final answer); the endpoint collects it into JSON or
/// writes it as server-sent events. Nothing runs until the events are read.
/// </summary>
public sealed class QueryRagHandler(
    QueryRagRetrieval retrieval,
    QueryRagGrounding grounding,
    UsageRecorder usage,
    SemanticCache cache,
    ChatModelRouter router,
    ChatModelCatalog catalog,
    TenantRouter routing,
    BudgetLedger ledger,
    ITenantContext tenant,
    IOptions<RagOptions> options,
    TimeProvider clock) : IRequestHandler<QueryRagRequest, Result<IAsyncEnumerable<QueryRagEvent>>>
{
    public Task<Result<IAsyncEnumerable<QueryRagEvent>>> Handle(QueryRagRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Result<IAsyncEnumerable<QueryRagEvent>>.Success(AnswerAsync(request.Question, request.Streamed, cancellationToken)));

    private async IAsyncEnumerable<QueryRagEvent> AnswerAsync(RagQueryRequest request, bool streamed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var question = QueryRagUnderstanding.Understand(request, streamed, catalog.Primary.Options.Provider);
        var classificationMs = Elapsed(started);
        if (question.Classification.RetrievalSkipped)
        {
            foreach (var whole in Whole(QueryRagAnswers.Canned(question, classificationMs, Elapsed(started))))
            {
                yield return whole;
            }
            yield break;
        }

        var features = question.Features.ToList();
        var lookup = CacheLookup.Unavailable;
        if (question.UseCache)
        {
            lookup = await cache.LookupAsync(tenant.TenantId!.Value, question.KnowledgeBaseIds, question.Query, cancellationToken);
            features.Add(lookup.Available ? QueryRagFeatures.SemanticCache : QueryRagFeatures.CacheUnavailable);
            if (QueryRagAnswers.Cached(lookup.Payload) is { } cached)
            {
                var total = Elapsed(started);
                await usage.RecordAsync(UsageRecorder.RagQuery, "cache", "semantic-cache", 0, 0, 0, total, cacheHit: true, fallbackUsed: false);
                foreach (var whole in Whole(QueryRagAnswers.FromCache(cached, question, features, classificationMs, total)))
                {
                    yield return whole;
                }
                yield break;
            }
        }

        var retrieved = await retrieval.RetrieveAsync(question, request.UseRerank, cancellationToken);
        if (!retrieved.IsSuccess)
        {
            yield return new QueryRagFailed(retrieved.Error!);
            yield break;
        }
        features.AddRange(retrieved.Value!.Features);
        var context = QueryRagContext.Build(question.Query, retrieved.Value.Ranked,
            Math.Min(options.Value.ContextTokenBudget, catalog.Primary.Options.ContextWindow / 2));
        var generationStarted = clock.GetTimestamp();
        var prompt = QueryRagSources.ForPrompt(context);
        var conversation = question.Conversational
            ? QueryRagHistory.Fit(question.History, QueryRagHistory.HistoryBudget(options.Value.HistoryTokenBudget,
                catalog.Primary.Options.ContextWindow, GroundedPrompt.Build(question.Query, prompt, strict: true, new GroundedConversation(null, []))))
            : null;
        if (conversation is not null)
        {
            features.Add(QueryRagFeatures.ConversationHistory);
        }
        var messages = GroundedPrompt.Build(question.Query, prompt, strict: false, conversation);
        RoutePlan? plan = null;
        if (context.Count > 0)
        {
            // Routed (and admitted against the budget) before anything is sent: a refusal is an ordinary 429.
            var planned = await routing.PlanAsync(messages.Sum(m => TokenEstimate.Count(m.Text)), question.Classification.Complexity,
                request.RoutingStrategy, cancellationToken);
            if (!planned.IsSuccess)
            {
                yield return new QueryRagFailed(planned.Error!);
                yield break;
            }
            plan = planned.Value!;
            if (plan.Variant?.Prompt is { Length: > 0 } instruction)
            {
                messages.Insert(1, new ChatMessage(ChatRole.System, instruction));
            }
        }
        RoutedAnswer? routed = null;
        QueryRagGrounded? grounded = null;
        var generationMs = 0.0;
        var selfCheckMs = 0.0;
        try
        {
            // Inside the try: a client that goes away after the sources still releases the reservation.
            yield return new QueryRagSourcesFound(context.Select(s => QueryRagSources.From(s, cited: false)).ToList());
            var chatOptions = plan is null ? null : new ChatOptions { MaxOutputTokens = plan.MaxOutputTokens };
            if (plan is null)
            {
                // Nothing to answer from: no model is asked.
                yield return new QueryRagDelta(GroundedPrompt.DontKnow(question.Chinese));
            }
            else if (streamed)
            {
                await foreach (var update in router.StreamAsync(plan.Chain, messages, chatOptions, cancellationToken))
                {
                    if (update.Delta is { } delta)
                    {
                        yield return new QueryRagDelta(delta);
                    }
                    routed = update.Answer ?? routed;
                }
            }
            else
            {
                // Nobody reads deltas of a collected answer: the model is asked for the whole answer (and reports its usage).
                routed = await router.AnswerAsync(plan.Chain, messages, chatOptions, cancellationToken);
            }
            generationMs = Elapsed(generationStarted);

            var checkStarted = clock.GetTimestamp();
            grounded = routed is null ? null : await grounding.GroundAsync(question, context, conversation, routed, request.UseSelfRag, cancellationToken,
                plan?.Chain, chatOptions);
            selfCheckMs = Elapsed(checkStarted);
        }
        finally
        {
            if (plan?.Reservation is { } reservation)
            {
                // What the answer cost replaces the estimate; an answer that failed or was abandoned releases it.
                await ledger.SettleAsync(reservation, grounded?.CostUsd ?? 0);
            }
        }
        if (grounded?.Checked == true)
        {
            features.Add(QueryRagFeatures.SelfRag);
        }
        if (grounded?.Routed.FallbackUsed == true)
        {
            features.Add(QueryRagFeatures.ModelFallback);
        }
        var text = grounded?.Answer ?? GroundedPrompt.DontKnow(question.Chinese);
        var totalMs = Elapsed(started);
        var answer = new RagAnswer(text, QueryRagSources.Cited(context, text),
            new RagMetrics(classificationMs, retrieved.Value.RetrievalMs, retrieved.Value.RerankMs, generationMs, selfCheckMs, totalMs,
                grounded?.TokensUsed ?? 0, grounded?.CostUsd ?? 0, false, grounded?.SelfRagTriggered ?? false),
            features, question.Classification, grounded?.Routed.Model.Id, grounded?.Routed.FallbackUsed ?? false,
            plan?.Strategy, plan?.AbTestId, plan?.Variant?.Name);

        if (grounded is not null)
        {
            var final = grounded.Routed;
            var outcome = plan is { AbTestId: { } testId, Variant: { } variant }
                ? new AbTestOutcome
                {
                    TestId = testId, Variant = variant.Name, ConversationId = request.ConversationId, Model = final.Model.Id, FallbackUsed = final.FallbackUsed,
                    Success = !final.FallbackUsed && !GroundedPrompt.IsDontKnow(text), LatencyMs = (int)Math.Round(totalMs),
                    Tokens = (int)grounded.TokensUsed, CostUsd = grounded.CostUsd,
                }
                : null;
            await usage.RecordAsync(UsageRecorder.RagQuery, final.Model.Options.Provider.ToString(), final.Model.Id, final.InputTokens, final.OutputTokens, grounded.CostUsd,
                totalMs, cacheHit: false, final.FallbackUsed, outcome);
        }
        if (QueryRagAnswers.Cacheable(question, text))
        {
            await cache.StoreAsync(lookup, JsonSerializer.Serialize(answer));
        }
        yield return new QueryRagAnswered(answer);
    }

    /// <summary>An answer that exists before it is read (canned or cached) streams as its sources, its text in one delta, and itself.</summary>
    private static IEnumerable<QueryRagEvent> Whole(RagAnswer answer) =>
        [new QueryRagSourcesFound(answer.Sources), new QueryRagDelta(answer.Answer), new QueryRagAnswered(answer)];

    private double Elapsed(long since) => QueryRagClock.Milliseconds(clock.GetElapsedTime(since));
}

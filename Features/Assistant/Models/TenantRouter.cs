using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Text.Json;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.Models;

/// <summary>
/// Routing for the caller's tenant: loads its models, strategy, budget and running A/B test, decides with
/// <see cref="ModelRouting.Decide"/> (pure), and admits the request against the budget. The deployment's catalog and
/// the tenant's models form one table; the embedded extractive answerer is always the last resort.
/// </summary>
public sealed class TenantRouter(
    AssistantDbContext db,
    AgentDbContext allowList,
    ChatModelCatalog catalog,
    TenantModelClients tenantModels,
    ModelHealth health,
    BudgetLedger ledger,
    ITenantContext caller,
    IOptions<RouterOptions> options,
    TimeProvider clock)
{
    public static Error BudgetExhausted(TimeSpan untilPeriodEnd) => new("budget_exhausted", 429,
        "The tenant's monthly model budget is spent; it renews at the start of next month.", RetryAfter: untilPeriodEnd);

    /// <summary>Every model the tenant may use, the tenant's own (table order: by name) before the catalog's.</summary>
    public async Task<IReadOnlyList<ChatModel>> ModelsAsync(CancellationToken cancellationToken)
    {
        var own = await db.Models.AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken);
        // The tenant's own endpoints are reached under the same allow-list as the agent's network tools.
        var policy = new TenantNetworkPolicy(own.Any(m => m.Endpoint is not null)
            ? await allowList.AllowedHosts.AsNoTracking().ToListAsync(cancellationToken)
            : []);
        var models = own.Select(m => tenantModels.For(m, policy)).ToList();
        var ownEmbedded = models.FirstOrDefault(m => m.LastResort);
        models.RemoveAll(m => m.LastResort);
        models.AddRange(catalog.Chain.Where(m => !m.LastResort));
        models.Add(ownEmbedded ?? catalog.Chain[^1]);
        return models;
    }

    /// <summary>
    /// Admits and routes one request whose prompt is <paramref name="promptTokens"/> long, or refuses it with
    /// <c>budget_exhausted</c> (429, Retry-After at the period's end).
    /// </summary>
    public async Task<Result<RoutePlan>> PlanAsync(int promptTokens, RagQueryComplexity complexity, string? requestedStrategy,
        CancellationToken cancellationToken)
    {
        var tenantId = caller.TenantId!.Value;
        var now = clock.GetUtcNow();
        var settings = await db.RouterSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var budget = await ledger.StateAsync(tenantId, settings?.MonthlyBudgetUsd, settings?.SoftLimitRatio ?? 0.8m, now);
        if (budget.HardLimitReached)
        {
            return BudgetExhausted(budget.Period.Remaining(now));
        }
        var models = await ModelsAsync(cancellationToken);
        var test = await db.AbTests.AsNoTracking().Where(t => t.Status == AbTest.Running).FirstOrDefaultAsync(cancellationToken);
        var variant = test is not null && caller.UserId is { } userId
            ? AbAssignment.Assign(userId, test.Id, JsonSerializer.Deserialize<List<AbTestVariant>>(test.VariantsJson)!)
            : null;
        var decision = ModelRouting.Decide(Candidates(models), new RouteRequest(requestedStrategy ?? settings?.Strategy, promptTokens,
            options.Value.MaxOutputTokens, complexity, variant?.Model, budget.SoftLimitReached, options.Value.SoftLimitMaxOutputTokens));
        var chain = decision.Order.Select(c => models.First(m => m.Id == c.Key)).ToList();
        var reservation = await ledger.ReserveAsync(tenantId, settings?.MonthlyBudgetUsd,
            decision.Primary.EstimatedCost(promptTokens, decision.MaxOutputTokens), now);
        if (reservation is null)
        {
            return BudgetExhausted(budget.Period.Remaining(now));
        }
        return new RoutePlan(chain, decision.MaxOutputTokens, decision.Strategy, variant is null ? null : test!.Id, variant, budget, reservation);
    }

    public IReadOnlyList<RouteCandidate> Candidates(IReadOnlyList<ChatModel> models) =>
        models.Select(m =>
        {
            var measured = health.Of(m.HealthKey);
            return new RouteCandidate(m.Id, m.Options.InputPricePer1K, m.Options.OutputPricePer1K, m.Options.ContextWindow, m.Tier,
                measured.LatencyP50Ms, measured.ErrorRate, m.LastResort);
        }).ToList();
}

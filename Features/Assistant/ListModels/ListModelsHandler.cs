using MediatR;
using Microsoft.EntityFrameworkCore;
using Polly.CircuitBreaker;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.Assistant.Models;

namespace VoiceHelper.Assistant.ListModels;

public sealed class ListModelsHandler(AssistantDbContext db, TenantRouter routing, ModelHealth health)
    : IRequestHandler<ListModelsRequest, Result<ListModelsResponse>>
{
    public async Task<Result<ListModelsResponse>> Handle(ListModelsRequest request, CancellationToken cancellationToken)
    {
        var own = await db.Models.AsNoTracking().ToDictionaryAsync(m => m.Name, m => m.Id, cancellationToken);
        var strategy = await db.RouterSettings.AsNoTracking().Select(s => s.Strategy).SingleOrDefaultAsync(cancellationToken);
        var items = (await routing.ModelsAsync(cancellationToken)).Select(m =>
            {
                var measured = health.Of(m.HealthKey);
                var tenant = m.Key is not null && own.TryGetValue(m.Id, out var _);
                return new ListModelsItem(
                    m.Id, m.Options.Provider, m.Options.Model ?? m.Id, m.Options.ContextWindow, m.Options.InputPricePer1K,
                    m.Options.OutputPricePer1K, m.Options.LatencyHintMs, m.Options.QualityHint, m.Circuit,
                    m.Circuit is not (CircuitState.Open or CircuitState.Isolated),
                    tenant ? "tenant" : "catalog", tenant ? own[m.Id] : null, m.Tier, measured.LatencyP50Ms, measured.ErrorRate,
                    tenant ? m.Options.Endpoint : null);
            })
            .ToList();
        return new ListModelsResponse(items, items.Select(i => i.Id).ToList(), strategy);
    }
}

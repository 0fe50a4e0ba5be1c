using MediatR;
using Polly.CircuitBreaker;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.Assistant.Models;

namespace VoiceHelper.Assistant.ListModels;

public sealed class ListModelsHandler(ChatModelCatalog catalog) : IRequestHandler<ListModelsRequest, Result<ListModelsResponse>>
{
    public Task<Result<ListModelsResponse>> Handle(ListModelsRequest request, CancellationToken cancellationToken)
    {
        var items = catalog.Chain.Select(m => new ListModelsItem(
                m.Id, m.Options.Provider, m.Options.Model ?? m.Id, m.Options.ContextWindow, m.Options.InputPricePer1K,
                m.Options.OutputPricePer1K, m.Options.LatencyHintMs, m.Options.QualityHint, m.Circuit,
                m.Circuit is not (CircuitState.Open or CircuitState.Isolated)))
            .ToList();
        return Task.FromResult<Result<ListModelsResponse>>(new ListModelsResponse(items, items.Select(i => i.Id).ToList()));
    }
}

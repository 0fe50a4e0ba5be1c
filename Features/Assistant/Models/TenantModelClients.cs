using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VoiceHelper.Ai.Chat;
using VoiceHelper.Assistant.Common;

namespace VoiceHelper.Assistant.Models;

/// <summary>
/// The run-time clients of tenants' models, one per model row and version, each behind its own breaker, so that one
/// tenant's failing endpoint never opens another's circuit. An <c>embedded</c> model is the catalog's extractive
/// answerer under the tenant's name, tier and prices.
/// </summary>
public sealed class TenantModelClients(ChatModelCatalog catalog, IOptions<ChatModelsOptions> options, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<Guid, (DateTimeOffset Version, ChatModel Model)> _clients = new();

    public ChatModel For(TenantModel model)
    {
        if (_clients.TryGetValue(model.Id, out var cached) && cached.Version == model.UpdatedAt)
        {
            return cached.Model;
        }
        var created = Create(model);
        _clients[model.Id] = (model.UpdatedAt, created);
        // A replaced client may still serve a request in flight; it is not disposed under it.
        return created;
    }

    /// <summary>The breaker of a model row, if it was ever used here.</summary>
    public ChatModel? Existing(Guid id) => _clients.TryGetValue(id, out var cached) ? cached.Model : null;

    private ChatModel Create(TenantModel model)
    {
        var settings = new ChatModelOptions
        {
            Id = model.Name,
            Provider = ModelProviders.ToChatProvider(model.Provider),
            Endpoint = model.Endpoint is null ? null : new Uri(model.Endpoint),
            Model = model.Model,
            ApiKey = model.ApiKey ?? "none",
            ContextWindow = model.ContextWindow,
            InputPricePer1K = model.InputPricePer1K,
            OutputPricePer1K = model.OutputPricePer1K,
            QualityHint = (model.QualityTier - 1) / 4.0,
        };
        var key = $"{model.TenantId:N}/{model.Id:N}";
        if (settings.Provider == ChatProvider.Extractive)
        {
            return new ChatModel(settings, catalog.Chain[^1].Client, key, model.QualityTier);
        }
        return new ChatModel(settings, new CircuitBreakingChatClient(ChatClients.Create(settings), options.Value.CircuitBreaker, clock), key,
            model.QualityTier);
    }

    public void Dispose()
    {
        foreach (var (_, (_, model)) in _clients)
        {
            if (!model.LastResort)
            {
                model.Client.Dispose();
            }
        }
    }
}

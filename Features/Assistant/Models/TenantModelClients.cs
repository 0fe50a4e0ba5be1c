using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VoiceHelper.Ai.Chat;
using VoiceHelper.Assistant.Common;

namespace VoiceHelper.Assistant.Models;

/// <summary>
/// The run-time clients of tenants' models, one per model row and version, each behind its own breaker, so that one
/// tenant's failing endpoint never opens another's circuit. A model server is reached only through
/// <see cref="TenantHttp"/> under the tenant's allow-list; a changed allow-list makes a new client (pooled connections
/// would otherwise skip the address check), so an endpoint that now resolves to an internal address, or a host taken
/// off the list, is refused when connecting. An
/// <c>embedded</c> model is the catalog's extractive answerer under the tenant's name, tier and prices.
/// </summary>
public sealed class TenantModelClients(ChatModelCatalog catalog, ModelApiKeys apiKeys, IOptions<ChatModelsOptions> options, TimeProvider clock)
    : IDisposable
{
    private readonly ConcurrentDictionary<Guid, Entry> _clients = new();

    public ChatModel For(TenantModel model, TenantNetworkPolicy policy)
    {
        if (_clients.TryGetValue(model.Id, out var cached) && cached.Version == model.UpdatedAt && cached.Policy == policy.Fingerprint)
        {
            return cached.Model;
        }
        var created = Create(model, policy);
        _clients[model.Id] = created;
        // A replaced client may still serve a request in flight; it is not disposed under it.
        return created.Model;
    }

    /// <summary>The breaker of a model row, if it was ever used here.</summary>
    public ChatModel? Existing(Guid id) => _clients.TryGetValue(id, out var cached) ? cached.Model : null;

    private Entry Create(TenantModel model, TenantNetworkPolicy policy)
    {
        var settings = new ChatModelOptions
        {
            Id = model.Name,
            Provider = ModelProviders.ToChatProvider(model.Provider),
            Endpoint = model.Endpoint is null ? null : new Uri(model.Endpoint),
            Model = model.Model,
            ApiKey = model.ApiKey is null ? "none" : apiKeys.Unprotect(model.TenantId, model.ApiKey),
            ContextWindow = model.ContextWindow,
            InputPricePer1K = model.InputPricePer1K,
            OutputPricePer1K = model.OutputPricePer1K,
            QualityHint = (model.QualityTier - 1) / 4.0,
        };
        var key = $"{model.TenantId:N}/{model.Id:N}";
        if (settings.Provider == ChatProvider.Extractive)
        {
            return new Entry(model.UpdatedAt, new ChatModel(settings, catalog.Chain[^1].Client, key, model.QualityTier), policy.Fingerprint, null);
        }
        // The model's own timeout (ModelTimeoutChatClient) bounds a call; the HTTP client's is only a backstop.
        var http = TenantHttp.CreateClient(policy, settings.Timeout + TimeSpan.FromSeconds(5));
        var client = new CircuitBreakingChatClient(ChatClients.Create(settings, http), options.Value.CircuitBreaker, clock);
        return new Entry(model.UpdatedAt, new ChatModel(settings, client, key, model.QualityTier), policy.Fingerprint, http);
    }

    public void Dispose()
    {
        foreach (var (_, entry) in _clients)
        {
            if (!entry.Model.LastResort)
            {
                entry.Model.Client.Dispose();
            }
            entry.Http?.Dispose();
        }
    }

    private sealed record Entry(DateTimeOffset Version, ChatModel Model, string Policy, HttpClient? Http);
}

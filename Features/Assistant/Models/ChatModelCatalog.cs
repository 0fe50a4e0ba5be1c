using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using VoiceHelper.Ai.Chat;
using VoiceHelper.Assistant.Grounding;

namespace VoiceHelper.Assistant.Models;

/// <summary>The configured models in fallback order, always ending with the embedded extractive answerer.</summary>
public sealed class ChatModelCatalog : IDisposable
{
    /// <param name="embedder">The process's embedder: the extractive answerer ranks sentences by meaning with it when it is the sentence model.</param>
    public ChatModelCatalog(IOptions<ChatModelsOptions> options, TimeProvider clock, IEmbeddingGenerator<string, Embedding<float>>? embedder = null)
    {
        var settings = options.Value;
        var models = settings.Models.Where(m => m.Provider != ChatProvider.Extractive).ToList();
        var order = settings.FallbackChain.Count > 0
            ? settings.FallbackChain.Select(id => models.FirstOrDefault(m => m.Id == id)
                ?? throw new InvalidOperationException($"Ai:Chat:FallbackChain names {id}, which is not in Ai:Chat:Models.")).ToList()
            : models;
        var extractive = settings.Models.FirstOrDefault(m => m.Provider == ChatProvider.Extractive)
            ?? new ChatModelOptions { Id = ExtractiveChatClient.ModelId, Provider = ChatProvider.Extractive, ContextWindow = 4096, LatencyHintMs = 5 };
        Chain = order
            .Select(m => new ChatModel(m, new CircuitBreakingChatClient(ChatClients.Create(m), settings.CircuitBreaker, clock)))
            .Append(new ChatModel(extractive, new ExtractiveChatClient(settings.Extractive, embedder)))
            .ToList();
    }

    /// <summary>Models in the order they are tried; the last is the extractive answerer.</summary>
    public IReadOnlyList<ChatModel> Chain { get; }

    public ChatModel Primary => Chain[0];

    public void Dispose()
    {
        foreach (var model in Chain)
        {
            model.Client.Dispose();
        }
    }
}

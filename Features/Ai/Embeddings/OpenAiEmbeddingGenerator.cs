using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Embeddings;

namespace VoiceHelper.Ai.Embeddings;

/// <summary>
/// Any OpenAI-compatible <c>/v1/embeddings</c> endpoint (OpenAI, Ollama's /v1, vLLM, llama.cpp server) through the
/// OpenAI SDK. Microsoft.Extensions.AI.OpenAI does not restore here, hence this small adapter.
/// </summary>
public sealed class OpenAiEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingClient _client;
    private readonly int? _dimensions;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OpenAiEmbeddingGenerator(EmbeddingOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Model);
        var clientOptions = new OpenAIClientOptions();
        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = options.Endpoint;
        }
        // Local servers (Ollama, vLLM) ignore the key but the SDK requires one.
        _client = new EmbeddingClient(options.Model, new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey), clientOptions);
        _dimensions = options.Dimensions;
        _metadata = new EmbeddingGeneratorMetadata("openai-compatible", options.Endpoint, options.Model, options.Dimensions);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToList();
        var request = new OpenAI.Embeddings.EmbeddingGenerationOptions { Dimensions = options?.Dimensions ?? _dimensions };
        var response = await _client.GenerateEmbeddingsAsync(inputs, request, cancellationToken);
        var result = new GeneratedEmbeddings<Embedding<float>>(response.Value.Count);
        foreach (var item in response.Value.OrderBy(e => e.Index))
        {
            result.Add(new Embedding<float>(item.ToFloats()) { ModelId = response.Value.Model });
        }
        result.Usage = new UsageDetails { InputTokenCount = response.Value.Usage.InputTokenCount, TotalTokenCount = response.Value.Usage.TotalTokenCount };
        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}

using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OllamaSharp;
using VoiceHelper.Ai.Chat;

namespace VoiceHelper.Ai.Embeddings;

public static class EmbeddingRegistration
{
    /// <summary>The environment variable naming the folder scripts/setup.sh fills (.tools); the model is under models/.</summary>
    public const string ToolsDirectoryVariable = "VOICEHELPER_TOOLS_DIR";

    public const string MissingModelHint =
        "run scripts/fetch-embedding-model.sh (scripts/setup.sh does) and set VOICEHELPER_TOOLS_DIR or Embeddings:Sentence:ModelDirectory";

    /// <summary>
    /// Registers <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> from the <c>Embeddings</c> section (by default the
    /// ONNX sentence model when installed, else the lexical <see cref="HashedNgramEmbeddingGenerator"/>, which then says
    /// so in the log and the health check), <see cref="KnowledgeEmbedders"/> for the per-knowledge-base choice, and the
    /// <c>embeddings</c> health check.
    /// </summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbeddingOptions>().Bind(configuration.GetSection(EmbeddingOptions.Section))
            .PostConfigure(o => o.Sentence.ModelDirectory ??= configuration[ToolsDirectoryVariable] is { Length: > 0 } tools
                ? Path.Combine(tools, "models", SentenceEmbeddingGenerator.DefaultModelId)
                : null)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider is EmbeddingOptions.AutoProvider or SentenceEmbeddingGenerator.ProviderName or HashedNgramEmbeddingGenerator.ProviderName or "openai" or "ollama",
                "Embeddings:Provider must be auto, onnx, hashed-ngram, openai or ollama.")
            .Validate(o => o.Provider is not ("openai" or "ollama") || !string.IsNullOrWhiteSpace(o.Model), "Embeddings:Model is required for the openai and ollama providers.")
            .Validate(o => o.Provider != SentenceEmbeddingGenerator.ProviderName || SentenceEmbeddingGenerator.IsPresent(o.Sentence.ModelDirectory),
                $"Embeddings:Provider onnx needs model.onnx and vocab.txt: {MissingModelHint}.")
            .ValidateOnStart();
        services.AddSingleton(sp => Choose(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            var choice = sp.GetRequiredService<EmbeddingChoice>();
            sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(EmbeddingRegistration)).Log(choice.Provider == HashedNgramEmbeddingGenerator.ProviderName && options.Provider == EmbeddingOptions.AutoProvider
                ? LogLevel.Warning : LogLevel.Information, "Embeddings: {Choice}", choice.Description);
            return choice.Provider switch
            {
                "openai" => ChatClients.OpenAi(options.Endpoint, options.ApiKey).GetEmbeddingClient(options.Model).AsIEmbeddingGenerator(options.Dimensions),
                "ollama" => new OllamaApiClient(options.Endpoint ?? new Uri("http://127.0.0.1:11434"), options.Model!),
                SentenceEmbeddingGenerator.ProviderName => new SentenceEmbeddingGenerator(options.Sentence),
                _ => sp.GetRequiredService<HashedNgramEmbeddingGenerator>(),
            };
        });
        // For the openai provider Dimensions is the model's reduced size, not the lexical embedder's bucket count.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value is var o && o.Provider is not ("openai" or "ollama") && o.Dimensions is { } buckets
            ? new HashedNgramEmbeddingGenerator(buckets)
            : new HashedNgramEmbeddingGenerator());
        services.AddSingleton<KnowledgeEmbedders>();
        services.AddHealthChecks().AddCheck<EmbeddingHealthCheck>("embeddings", tags: ["ready"]);
        return services;
    }

    /// <summary>What the configuration resolves to; <c>auto</c> looks for the model's files.</summary>
    public static EmbeddingChoice Choose(EmbeddingOptions options) => options.Provider switch
    {
        "openai" => new("openai", $"OpenAI-compatible embeddings ({options.Model})"),
        "ollama" => new("ollama", $"Ollama embeddings ({options.Model})"),
        HashedNgramEmbeddingGenerator.ProviderName => new(HashedNgramEmbeddingGenerator.ProviderName, "lexical embedder (configured)"),
        _ when SentenceEmbeddingGenerator.IsPresent(options.Sentence.ModelDirectory) =>
            new(SentenceEmbeddingGenerator.ProviderName, $"{options.Sentence.ModelId} (ONNX) for English knowledge bases, lexical for Chinese or mixed ones"),
        _ => new(HashedNgramEmbeddingGenerator.ProviderName,
            $"lexical embedder only: the sentence model is not installed ({MissingModelHint})"),
    };
}

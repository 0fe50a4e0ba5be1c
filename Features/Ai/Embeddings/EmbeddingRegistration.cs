using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VoiceHelper.Ai.Embeddings;

public static class EmbeddingRegistration
{
    /// <summary>
    /// Registers <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> from the <c>Embeddings</c> section: the
    /// embedded <see cref="HashedNgramEmbeddingGenerator"/> unless <c>Embeddings:Provider</c> is <c>openai</c>.
    /// </summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbeddingOptions>().Bind(configuration.GetSection(EmbeddingOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider is HashedNgramEmbeddingGenerator.ProviderName or "openai", "Embeddings:Provider must be hashed-ngram or openai.")
            .Validate(o => o.Provider != "openai" || !string.IsNullOrWhiteSpace(o.Model), "Embeddings:Model is required for the openai provider.")
            .ValidateOnStart();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            return options.Provider == "openai"
                ? new OpenAiEmbeddingGenerator(options)
                : new HashedNgramEmbeddingGenerator(options.Dimensions ?? HashedNgramEmbeddingGenerator.DefaultDimensions);
        });
        return services;
    }
}

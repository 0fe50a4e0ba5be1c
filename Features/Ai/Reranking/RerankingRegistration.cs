using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceHelper.Ai.Reranking;

public static class RerankingRegistration
{
    /// <summary>Adds <see cref="IReranker"/>: the HTTP provider when <c>Ai:Reranking:Endpoint</c> is set, the embedded lexical one otherwise.</summary>
    public static IServiceCollection AddReranking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RerankingOptions>().BindConfiguration(RerankingOptions.Section);
        if (configuration.GetSection(RerankingOptions.Section).GetValue<Uri?>(nameof(RerankingOptions.Endpoint)) is not null)
        {
            services.AddHttpClient<IReranker, HttpReranker>();
        }
        else
        {
            services.AddSingleton<IReranker, LexicalReranker>();
        }
        return services;
    }
}

using Microsoft.Extensions.AI;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VoiceHelper.Ai.Embeddings;

/// <summary>
/// Embeds a probe sentence with the embedded embedder and checks that a unit vector comes back. The lexical fallback is
/// healthy but says that the sentence model is missing, so a deployment that skipped setup can tell from /health.
/// A model server is not probed here: its outage degrades search to keywords instead of making the service unready.
/// </summary>
internal sealed class EmbeddingHealthCheck(KnowledgeEmbedders embedders, EmbeddingChoice choice) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var embedder = embedders.Default;
        var data = new Dictionary<string, object> { ["model"] = EmbedderIdentity.Model(embedder) };
        if (embedder.GetService<SentenceEmbeddingGenerator>() is null && embedder.GetService<HashedNgramEmbeddingGenerator>() is null)
        {
            return HealthCheckResult.Healthy("model server embedder (probed by use)", data);
        }
        try
        {
            var vector = (await embedder.GenerateAsync(["How do I reset my password?"], cancellationToken: cancellationToken))[0].Vector;
            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector.Span);
            if (Math.Abs(norm - 1) > 1e-3)
            {
                return HealthCheckResult.Unhealthy($"the embedder returned a vector of norm {norm}", data: data);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the embedder failed", ex, data);
        }
        return HealthCheckResult.Healthy(choice.Description, data);
    }
}

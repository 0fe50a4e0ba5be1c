using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceHelper.Ai.Text;

namespace VoiceHelper.Assistant.Common;

/// <summary>
/// Answers in Redis, per tenant and knowledge-base set. Each knowledge base has a generation counter that the
/// document events bump; the set's key includes the generations, so one increment orphans every answer built on the
/// old content (they expire by TTL). A question hits when its embedding is close enough to a cached question's.
/// Redis being down is a miss, never an error.
/// </summary>
public sealed class SemanticCache(
    IServiceProvider services,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IOptions<SemanticCacheOptions> options,
    ILogger<SemanticCache> logger)
{
    private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();

    public static string GenerationKey(Guid tenantId, Guid knowledgeBaseId) => $"assistant:kbgen:{tenantId:N}:{knowledgeBaseId:N}";

    public async Task<CacheLookup> LookupAsync(Guid tenantId, IReadOnlyList<Guid> knowledgeBaseIds, string question, CancellationToken cancellationToken)
    {
        if (_redis is not { IsConnected: true })
        {
            return CacheLookup.Unavailable;
        }
        try
        {
            var db = _redis.GetDatabase();
            var ordered = knowledgeBaseIds.Distinct().Order().ToList();
            var generations = await db.StringGetAsync(ordered.Select(id => (RedisKey)GenerationKey(tenantId, id)).ToArray());
            var setKey = SetKey(tenantId, ordered, generations.Select(g => g.IsNull ? "0" : g.ToString()));
            var embedding = await EmbedAsync(question, cancellationToken);
            var entries = await db.HashGetAllAsync(setKey);
            double best = 0;
            string? payload = null;
            foreach (var entry in entries)
            {
                var cached = JsonSerializer.Deserialize<CachedAnswer>(entry.Value.ToString());
                if (cached is null || cached.Embedding.Length != embedding.Length)
                {
                    continue;
                }
                var similarity = TensorPrimitives.CosineSimilarity(embedding, cached.Embedding);
                if (similarity > best)
                {
                    best = similarity;
                    payload = cached.Payload;
                }
            }
            return best >= options.Value.SimilarityThreshold
                ? new CacheLookup(true, payload, best, setKey, embedding)
                : new CacheLookup(true, null, best, setKey, embedding);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning("Semantic cache lookup failed, answering without it: {Error}", exception.Message);
            return CacheLookup.Unavailable;
        }
    }

    public async Task StoreAsync(CacheLookup lookup, string payload)
    {
        if (lookup is not { Available: true, SetKey: { } setKey, Embedding: { } embedding } || _redis is not { IsConnected: true })
        {
            return;
        }
        try
        {
            var db = _redis.GetDatabase();
            if (await db.HashLengthAsync(setKey) >= options.Value.MaxEntriesPerSet)
            {
                return;
            }
            var value = JsonSerializer.Serialize(new CachedAnswer(embedding, payload));
            await db.HashSetAsync(setKey, Guid.NewGuid().ToString("N"), value);
            await db.KeyExpireAsync(setKey, options.Value.TimeToLive);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning("Semantic cache store failed: {Error}", exception.Message);
        }
    }

    /// <summary>Makes every cached answer that used this knowledge base unreachable.</summary>
    public async Task InvalidateAsync(Guid tenantId, Guid knowledgeBaseId)
    {
        if (_redis is null)
        {
            return;
        }
        // Throws when Redis is down, so the event is retried: a stale answer must not outlive a document change.
        await _redis.GetDatabase().StringIncrementAsync(GenerationKey(tenantId, knowledgeBaseId));
    }

    /// <summary>
    /// Questions are embedded without stop words and punctuation, so "How long does shipping take?" and
    /// "how long does the shipping take" meet; the embedder is lexical, so wording closer than that is needed.
    /// </summary>
    private async Task<float[]> EmbedAsync(string question, CancellationToken cancellationToken)
    {
        var normalized = string.Join(' ', TextTokenizer.Tokenize(question));
        var result = await embedder.GenerateAsync([normalized.Length > 0 ? normalized : question.ToLowerInvariant()], cancellationToken: cancellationToken);
        return result[0].Vector.ToArray();
    }

    private static string SetKey(Guid tenantId, IEnumerable<Guid> knowledgeBaseIds, IEnumerable<string> generations)
    {
        var identity = string.Join(',', knowledgeBaseIds.Zip(generations, (id, g) => $"{id:N}@{g}"));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
        return $"assistant:answers:{tenantId:N}:{hash}";
    }
}

using System.Text;
using Microsoft.Extensions.AI;
using VoiceHelper.Ai.Text;

namespace VoiceHelper.Ai.Embeddings;

/// <summary>
/// The embedded default embedder: feature hashing of word unigrams/bigrams and character 3- and 4-grams
/// (CJK: character unigrams and bigrams), each weighted by its word's idf in the corpus (<see cref="TermStatistics"/>,
/// passed in the generation options) times its count, L2-normalised; stop words are left out. It is LEXICAL, not semantic: it
/// needs no model weights (none can be installed here), tolerates typos and inflections through the
/// character n-grams, and works for Chinese and English, but it does not know that "car" and "automobile"
/// mean the same thing. Deterministic across processes (FNV-1a, not string.GetHashCode).
/// </summary>
public sealed class HashedNgramEmbeddingGenerator(int dimensions = HashedNgramEmbeddingGenerator.DefaultDimensions)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int DefaultDimensions = 384;
    public const string ProviderName = "hashed-ngram";
    // v3: the shared stop-word list grew (decision 0009); a new id re-embeds stored vectors in the background.
    public const string ModelId = "hashed-ngram-v3";

    private readonly EmbeddingGeneratorMetadata _metadata = new(ProviderName, null, ModelId, dimensions);

    public int Dimensions { get; } = dimensions > 0 ? dimensions : throw new ArgumentOutOfRangeException(nameof(dimensions));

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var statistics = TermStatistics.From(options);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Embed(value, statistics)) { ModelId = ModelId, CreatedAt = null });
        }
        return Task.FromResult(result);
    }

    /// <summary>The vector of <paramref name="text"/> in a corpus with the given <paramref name="statistics"/> (none: every term alike).</summary>
    public float[] Embed(string text, TermStatistics? statistics = null)
    {
        statistics ??= TermStatistics.Empty;
        var features = new Dictionary<int, (int Count, float Weight)>();
        string? previous = null;
        var previousWeight = 0f;
        foreach (var (word, isCjk) in TextTokenizer.Words(text))
        {
            if (isCjk)
            {
                for (var i = 0; i < word.Length; i++)
                {
                    Add(features, "c1:", word.AsSpan(i, 1), 0.7f * Weight(statistics, word.Substring(i, 1)));
                    if (i + 1 < word.Length)
                    {
                        Add(features, "c2:", word.AsSpan(i, 2), Weight(statistics, word.Substring(i, 2)));
                    }
                }
                previous = null;
                continue;
            }
            if (TextTokenizer.IsStopWord(word))
            {
                continue;
            }
            var stem = PorterStemmer.Stem(word);
            // Every feature of a word carries the word's idf: a distinctive word's misspelling still matches it strongly.
            var idf = statistics.Idf(stem);
            var wordWeight = Weight(statistics, stem);
            Add(features, "w:", stem, wordWeight);
            if (previous is not null)
            {
                Add(features, "b:", previous + " " + stem, Math.Min(wordWeight, previousWeight) > 0 ? 0.7f * (wordWeight + previousWeight) / 2 : 0f);
            }
            (previous, previousWeight) = (stem, wordWeight);
            // Character n-grams of the surface form with boundary marks: a misspelt word still shares most of them.
            var marked = "<" + word + ">";
            for (var n = 3; n <= 4; n++)
            {
                for (var i = 0; i + n <= marked.Length; i++)
                {
                    Add(features, n == 3 ? "g3:" : "g4:", marked.AsSpan(i, n), 0.35f * idf);
                }
            }
        }
        var vector = new float[Dimensions];
        foreach (var (hash, (count, weight)) in features)
        {
            var bucket = (int)((uint)hash % (uint)Dimensions);
            // A second bit decides the sign, so that collisions cancel out in expectation instead of adding up.
            var sign = ((uint)hash >> 31) == 0 ? 1f : -1f;
            vector[bucket] += sign * count * weight;
        }
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot(vector, vector));
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        }
        return vector;
    }

    /// <summary>A whole term's weight: its idf, or nothing for a term the corpus has never seen (<see cref="TermStatistics.IsUnseen"/>).</summary>
    private static float Weight(TermStatistics statistics, string term) => statistics.IsUnseen(term) ? 0f : statistics.Idf(term);

    /// <summary>
    /// Adds one occurrence of a feature. Its value is its count times its smallest weight: linear tf, not the flatter
    /// 1 + ln tf, because the words a chunk repeats are what it is about; and a character n-gram that also occurs in a
    /// common word is a common n-gram (decision 0009).
    /// </summary>
    private static void Add(Dictionary<int, (int Count, float Weight)> features, string prefix, ReadOnlySpan<char> feature, float weight)
    {
        var hash = Fnv1a(prefix, feature);
        features[hash] = features.TryGetValue(hash, out var seen) ? (seen.Count + 1, Math.Min(seen.Weight, weight)) : (1, weight);
    }

    private static int Fnv1a(string prefix, ReadOnlySpan<char> feature)
    {
        var hash = Mix(2166136261u, prefix);
        hash = Mix(hash, feature);
        // Finalise (murmur3 fmix) so that the low bits used for the bucket and the top bit used for the sign are independent.
        hash ^= hash >> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >> 16;
        return unchecked((int)hash);
    }

    private static uint Mix(uint hash, ReadOnlySpan<char> part)
    {
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in part.EnumerateRunes())
        {
            var written = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < written; i++)
            {
                hash = (hash ^ buffer[i]) * 16777619u;
            }
        }
        return hash;
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

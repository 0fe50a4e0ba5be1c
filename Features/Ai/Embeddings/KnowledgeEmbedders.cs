using Microsoft.Extensions.AI;
using VoiceHelper.Ai.Text;

namespace VoiceHelper.Ai.Embeddings;

/// <summary>
/// The embedders a knowledge base can be indexed with, and the choice between them (decision 0010). The configured
/// embedder is the default; when it is the English-only sentence model, a knowledge base whose text is Chinese or
/// mixed is indexed with the lexical embedder instead, which handles Chinese by its characters. A knowledge base records
/// its choice (<c>knowledge_bases.embedding_model</c>), and its chunks record theirs, so a query is embedded once per
/// embedder among the searched bases and compared only with vectors of the same embedder.
/// </summary>
public sealed class KnowledgeEmbedders(IEmbeddingGenerator<string, Embedding<float>> configured, HashedNgramEmbeddingGenerator lexical)
{
    /// <summary>A text counts as Chinese-bearing when at least this share of its words (a CJK character counting as one) is Chinese.</summary>
    public const double ChineseShare = 0.05;

    public IEmbeddingGenerator<string, Embedding<float>> Default => configured;

    public HashedNgramEmbeddingGenerator Lexical => lexical;

    /// <summary>Whether the default is the English-only model, so Chinese text goes to the lexical embedder.</summary>
    public bool RoutesChinese => configured.GetService<SentenceEmbeddingGenerator>() is not null;

    /// <summary>The embedder for a knowledge base made of <paramref name="texts"/> (a sample of its chunks, new ones included).</summary>
    public IEmbeddingGenerator<string, Embedding<float>> ForTexts(IEnumerable<string> texts) => For(null, texts);

    /// <summary>
    /// The embedder for a knowledge base: its declared language when it has one (<c>en</c>... the default, anything else
    /// the lexical embedder), else what its text is.
    /// </summary>
    public IEmbeddingGenerator<string, Embedding<float>> For(string? language, IEnumerable<string> texts) =>
        !RoutesChinese ? configured
        : string.IsNullOrWhiteSpace(language) || language.Equals("auto", StringComparison.OrdinalIgnoreCase) ? IsChineseOrMixed(texts) ? lexical : configured
        : language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? configured
        : lexical;

    /// <summary>
    /// The embedder that produces vectors named <paramref name="model"/>, or null when this process does not index with it
    /// (a knowledge base on it is about to be re-embedded).
    /// </summary>
    public IEmbeddingGenerator<string, Embedding<float>>? ForModel(string model) =>
        model == EmbedderIdentity.Model(configured) ? configured
        : model == HashedNgramEmbeddingGenerator.ModelId && RoutesChinese ? lexical
        : null;

    /// <summary>True when Chinese makes up at least <see cref="ChineseShare"/> of the words.</summary>
    public static bool IsChineseOrMixed(IEnumerable<string> texts)
    {
        long chinese = 0, words = 0;
        foreach (var text in texts)
        {
            foreach (var (word, isCjk) in Text.TextTokenizer.Words(text))
            {
                var count = isCjk ? word.Length : 1;
                words += count;
                chinese += isCjk ? count : 0;
            }
        }
        return words > 0 && chinese >= ChineseShare * words;
    }
}

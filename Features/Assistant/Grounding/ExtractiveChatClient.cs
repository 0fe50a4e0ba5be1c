using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using VoiceHelper.Ai.Text;

namespace VoiceHelper.Assistant.Grounding;

/// <summary>
/// The embedded default: answers a <see cref="GroundedPrompt"/> by quoting the best-supported source sentences with
/// their citations. It needs no model server, so a fresh checkout answers questions with no key and no download.
/// Instructions inside documents cannot steer it: it only ranks sentences by how much of the question they cover and,
/// with the English sentence model, how close they are to it in meaning (<see cref="ExtractiveAnswer"/>).
/// </summary>
public sealed class ExtractiveChatClient(ExtractiveOptions options, IEmbeddingGenerator<string, Embedding<float>>? embedder = null) : IChatClient
{
    /// <summary>
    /// Only the sentence model knows meaning; the lexical embedder would add nothing to the words. Sentence vectors are
    /// cached per sentence in this process (bounded, <see cref="SentenceCacheBytes"/>): the chunks a knowledge base's
    /// questions retrieve come back often, and a cached sentence costs no model time (the question is still embedded).
    /// </summary>
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _meaning =
        embedder?.GetService<VoiceHelper.Ai.Embeddings.SentenceEmbeddingGenerator>() is not null
            ? new EmbeddingGeneratorBuilder<string, Embedding<float>>(embedder)
                .UseDistributedCache(new Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache(
                    Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions { SizeLimit = SentenceCacheBytes })))
                .Build()
            : null;

    /// <summary>The sentence vector cache's bound: serialized vectors of about 4 KB, so some 8,000 sentences.</summary>
    public const long SentenceCacheBytes = 32L << 20;

    public const string ModelId = "extractive";

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages.ToList();
        var answer = await AnswerAsync(list, cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = Usage(list, answer),
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? chatOptions = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var answer = await AnswerAsync(list, cancellationToken);
        // Word-sized deltas, like a model's, so that streaming clients behave the same with either provider.
        var start = 0;
        for (var i = 1; i <= answer.Length; i++)
        {
            if (i == answer.Length || answer[i] == ' ' || TextTokenizer.IsCjk(answer[i - 1]))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new ChatResponseUpdate(ChatRole.Assistant, answer[start..i]) { ModelId = ModelId };
                start = i;
                await Task.Yield();
            }
        }
        yield return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            Contents = [new UsageContent(Usage(list, answer))],
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // The sentence model belongs to the process (the cache wrapping it would dispose it too).
    }

    private async Task<string> AnswerAsync(List<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var prompt = GroundedPrompt.Parse(messages);
        if (prompt is null)
        {
            return GroundedPrompt.DontKnowEnglish;
        }
        var meaning = _meaning is not null && options.MeaningWeight > 0 && prompt.Sources.Count > 0 && !TextTokenizer.IsMostlyChinese(prompt.Question)
            ? await MeaningAsync(_meaning, prompt, options, cancellationToken)
            : null;
        return ExtractiveAnswer.Compose(prompt, options, meaning);
    }

    /// <summary>The cosine of each shortlisted sentence to the question, from one batch (vectors are unit length).</summary>
    public static async Task<IReadOnlyDictionary<string, double>> MeaningAsync(IEmbeddingGenerator<string, Embedding<float>> model, ParsedGroundedPrompt prompt,
        ExtractiveOptions options, CancellationToken cancellationToken)
    {
        var candidates = ExtractiveAnswer.Candidates(prompt, options.MaxSentenceChars, options.LabelWords);
        var shortlist = ExtractiveAnswer.MeaningShortlist(candidates, prompt.Sources[0].Number, options);
        var places = candidates.Select(c => (c.Source, c.Sentence)).ToList();
        string Labelled(ExtractiveCandidate c) => string.Join(' ', ExtractiveAnswer.Labels(places, c.Order, options.LabelWords).Reverse().Select(o => candidates[o].Sentence).Append(c.Sentence));
        // A sentence's start says what it is about; embedding no more of it than a quotable sentence's length keeps the
        // batch short (the model pads every text to the longest).
        // Each sentence is embedded after its source's title: every sentence of a manual is about its program, so a line
        // that merely names the program ("espeak-ng --voices=mb", a page header) must not look closer to a question
        // naming it than the sentence that answers.
        var titles = prompt.Sources.ToDictionary(s => s.Number, s => s.Title);
        var vectors = await model.GenerateAsync([prompt.Question, .. shortlist.Select(c => Embedded(titles[c.Source], Labelled(c), options.MaxSentenceChars))],
            cancellationToken: cancellationToken);
        var question = vectors[0].Vector.Span;
        var meaning = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < shortlist.Count; i++)
        {
            meaning[shortlist[i].Sentence] = System.Numerics.Tensors.TensorPrimitives.Dot(question, vectors[i + 1].Vector.Span);
        }
        return meaning;
    }

    /// <summary>What the model reads of a sentence: its source's title, then its start (as long as a quotable sentence).</summary>
    public static string Embedded(string title, string sentence, int maxChars) =>
        $"{title}: {(sentence.Length > maxChars ? sentence[..maxChars] : sentence)}";

    private static UsageDetails Usage(List<ChatMessage> messages, string answer)
    {
        var input = messages.Sum(m => TokenEstimate.Count(m.Text));
        var output = TokenEstimate.Count(answer);
        return new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
    }
}

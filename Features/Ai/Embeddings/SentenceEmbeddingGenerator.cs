using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace VoiceHelper.Ai.Embeddings;

/// <summary>
/// A sentence-transformer in ONNX Runtime (all-MiniLM-L6-v2 by default: 384 dims, English): WordPiece ids from
/// <see cref="BertTokenizer"/>, the model's token vectors mean-pooled over the attention mask and L2-normalised, as
/// sentence-transformers does. Inputs are cut to <see cref="SentenceEmbeddingOptions.MaxTokens"/> tokens (the model
/// was trained on 256 at most, and attention costs grow with the square of the length), batched, and sorted by length
/// inside a call so that padding stays short. ONNX Runtime gets a fixed, small number of threads: ingestion must not
/// take every core from the services on the same machine. The session is thread-safe; calls run concurrently.
/// </summary>
public sealed class SentenceEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ProviderName = "onnx";
    public const string DefaultModelId = "all-MiniLM-L6-v2";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly SentenceEmbeddingOptions _options;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly string _outputName;
    private readonly bool _wantsTokenTypes;

    public SentenceEmbeddingGenerator(SentenceEmbeddingOptions options)
    {
        _options = options;
        var directory = options.ModelDirectory ?? throw new InvalidOperationException("Embeddings:ModelDirectory is not set.");
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.Threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Spinning worker threads would keep the cores busy between calls.
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _session = new InferenceSession(File.ReadAllBytes(Path.Combine(directory, "model.onnx")), sessionOptions);
        _tokenizer = BertTokenizer.Create(Path.Combine(directory, "vocab.txt"), new BertOptions { LowerCaseBeforeTokenization = true });
        _outputName = _session.OutputNames[0];
        _wantsTokenTypes = _session.InputNames.Contains("token_type_ids");
        Dimensions = (int)_session.OutputMetadata[_outputName].Dimensions[^1];
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, null, options.ModelId, Dimensions);
    }

    public int Dimensions { get; }

    /// <summary>Whether the model's files are in <paramref name="directory"/>.</summary>
    public static bool IsPresent(string? directory) =>
        directory is not null && File.Exists(Path.Combine(directory, "model.onnx")) && File.Exists(Path.Combine(directory, "vocab.txt"));

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var texts = values as IList<string> ?? values.ToList();
        var ids = texts.Select(Encode).ToArray();
        var vectors = new float[texts.Count][];
        // Similar lengths share a batch, so a short text is not padded to a long neighbour's length.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => ids[i].Count).ToArray();
        var usage = 0L;
        for (var start = 0; start < order.Length; start += _options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(_options.BatchSize, order.Length - start)).ToArray();
            var pooled = Run(batch.Select(i => ids[i]).ToList());
            for (var b = 0; b < batch.Length; b++)
            {
                vectors[batch[b]] = pooled[b];
                usage += ids[batch[b]].Count;
            }
        }
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = _options.ModelId }))
        {
            Usage = new UsageDetails { InputTokenCount = usage, TotalTokenCount = usage },
        };
        return Task.FromResult(result);
    }

    private IReadOnlyList<int> Encode(string text) =>
        _tokenizer.EncodeToIds(text, _options.MaxTokens, addSpecialTokens: true, out _, out _);

    /// <summary>Mean-pooled, L2-normalised sentence vectors of one padded batch.</summary>
    private float[][] Run(List<IReadOnlyList<int>> batch)
    {
        var length = batch.Max(b => b.Count);
        var inputIds = new long[batch.Count * length];
        var mask = new long[batch.Count * length];
        for (var b = 0; b < batch.Count; b++)
        {
            for (var t = 0; t < batch[b].Count; t++)
            {
                inputIds[b * length + t] = batch[b][t];
                mask[b * length + t] = 1;
            }
        }
        long[] shape = [batch.Count, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[inputIds.Length], shape);
        var names = new List<string> { "input_ids", "attention_mask" };
        var inputs = new List<OrtValue> { idsValue, maskValue };
        if (_wantsTokenTypes)
        {
            names.Add("token_type_ids");
            inputs.Add(typesValue);
        }
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, names, inputs, [_outputName]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var vectors = new float[batch.Count][];
        for (var b = 0; b < batch.Count; b++)
        {
            var vector = new float[Dimensions];
            for (var t = 0; t < batch[b].Count; t++)
            {
                TensorPrimitives.Add(vector, hidden.Slice((b * length + t) * Dimensions, Dimensions), vector);
            }
            // Mean over the real tokens, then unit length: the division by the count vanishes in the normalisation.
            var norm = TensorPrimitives.Norm(vector);
            if (norm > 0)
            {
                TensorPrimitives.Divide(vector, norm, vector);
            }
            vectors[b] = vector;
        }
        return vectors;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => _session.Dispose();
}

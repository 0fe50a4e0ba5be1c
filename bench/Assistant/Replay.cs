extern alias assistant;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using assistant::VoiceHelper.Assistant.Grounding;
using Microsoft.Extensions.AI;
using VoiceHelper.Ai.Embeddings;
using assistant::VoiceHelper.Assistant.QueryRag;
using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Assistant.Bench;

/// <summary>A question with the sources the answer pipeline gave the answerer, as written by <c>--dump</c>.</summary>
internal sealed record DumpedQuestion(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("doc")] string? Doc,
    [property: JsonPropertyName("facts")] string[] Facts,
    [property: JsonPropertyName("split")] string? Split,
    [property: JsonPropertyName("sources")] DumpedSource[] Sources);

internal sealed record DumpedSource(
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("doc")] string? Doc,
    [property: JsonPropertyName("chunk")] string? Chunk = null);

/// <summary>
/// Offline evaluation of the extractive answerer alone: the dumped prompts of a bench run (<c>--dump FILE</c>) are
/// answered again with the given options, in seconds instead of minutes, so that a change to the pure decision can be
/// measured before a full run confirms it. When the dump holds each source's whole chunk, the trimmed context is built
/// again too (<see cref="QueryRagContext"/>, same token budget as the pipeline), so that a change to trimming is measured
/// as well. Usage: <c>--replay FILE [--split dev] [--meaning-weight W] [--min-support S] [--verbose]</c>.
/// </summary>
internal static class Replay
{
    public static async Task RunAsync(string[] args)
    {
        var options = new ExtractiveOptions();
        if (Arg(args, "--meaning-weight") is { } weight)
        {
            options.MeaningWeight = double.Parse(weight, CultureInfo.InvariantCulture);
        }
        if (Arg(args, "--min-support") is { } support)
        {
            options.MinSupport = double.Parse(support, CultureInfo.InvariantCulture);
        }
        if (Arg(args, "--min-mixed-support") is { } mixed)
        {
            options.MinMixedSupport = double.Parse(mixed, CultureInfo.InvariantCulture);
        }
        if (Arg(args, "--min-word-support") is { } words)
        {
            options.MinWordSupport = double.Parse(words, CultureInfo.InvariantCulture);
        }
        if (Arg(args, "--meaning-candidates") is { } shortlist)
        {
            options.MeaningCandidates = int.Parse(shortlist, CultureInfo.InvariantCulture);
        }
        if (Arg(args, "--max-chars") is { } chars)
        {
            options.MaxAnswerChars = int.Parse(chars, CultureInfo.InvariantCulture);
        }
        var split = Arg(args, "--split");
        var model = Environment.GetEnvironmentVariable("VOICEHELPER_TOOLS_DIR") is { Length: > 0 } tools
            && SentenceEmbeddingGenerator.IsPresent(Path.Combine(tools, "models", SentenceEmbeddingGenerator.DefaultModelId))
            ? new SentenceEmbeddingGenerator(new SentenceEmbeddingOptions { ModelDirectory = Path.Combine(tools, "models", SentenceEmbeddingGenerator.DefaultModelId) })
            : null;
        using var client = new ExtractiveChatClient(options, model);
        var questions = File.ReadLines(Arg(args, "--replay")!).Where(l => l.Trim().Length > 0)
            .Select(l => JsonSerializer.Deserialize<DumpedQuestion>(l)!).Where(q => split is null || q.Split == split).ToList();
        int answerable = 0, fact = 0, cites = 0, unanswerable = 0, refused = 0, falseRefusals = 0, citations = 0, rightCitations = 0;
        var latencies = new List<double>();
        foreach (var q in questions)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var sources = Context(q);
            var answer = sources.Count == 0
                ? GroundedPrompt.DontKnowEnglish
                : (await client.GetResponseAsync(GroundedPrompt.Build(q.Question, sources.Select(s => s.Source).ToList(), false))).Text;
            latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var idk = GroundedPrompt.IsDontKnow(answer);
            var cited = sources.Where(s => answer.Contains($"[{s.Source.Number}]", StringComparison.Ordinal)).ToList();
            citations += cited.Count;
            rightCitations += cited.Count(s => s.Doc == q.Doc);
            bool right;
            if (q.Doc is null)
            {
                unanswerable++;
                refused += idk ? 1 : 0;
                right = idk;
            }
            else
            {
                answerable++;
                right = q.Facts.Any(f => answer.Contains(f, StringComparison.OrdinalIgnoreCase));
                fact += right ? 1 : 0;
                cites += cited.Any(s => s.Doc == q.Doc) ? 1 : 0;
                falseRefusals += idk ? 1 : 0;
            }
            if (args.Contains("--verbose") && !right)
            {
                bool Holds(string? doc, string? text) => doc == q.Doc && text is not null && q.Facts.Any(f => text.Contains(f, StringComparison.OrdinalIgnoreCase));
                var holds = q.Doc is null ? "" : sources.Any(s => Holds(s.Doc, s.Source.Text)) ? " [fact in context]"
                    : q.Sources.Any(s => Holds(s.Doc, s.Chunk)) ? " [fact trimmed out of its chunk]" : " [fact NOT in context]";
                Console.WriteLine($"- {q.Question} (expected {q.Doc ?? "IDK"}: {string.Join(" | ", q.Facts)}){holds}\n    -> {answer}");
                if (args.Contains("--explain") && sources.Count > 0)
                {
                    Explain(new ParsedGroundedPrompt(q.Question, sources.Select(s => s.Source).ToList(), false), options, model);
                }
            }
        }
        latencies.Sort();
        Console.WriteLine($"{questions.Count} questions, meaning weight {options.MeaningWeight}: fact {Ratio(fact, answerable)}, cites {Ratio(cites, answerable)}, " +
            $"citation precision {Ratio(rightCitations, citations)}, refuses {Ratio(refused, unanswerable)}, false refusals {Ratio(falseRefusals, answerable)}, " +
            $"answerer p95 {latencies[Math.Clamp((int)Math.Ceiling(0.95 * latencies.Count) - 1, 0, latencies.Count - 1)]:0.0} ms");
    }

    /// <summary>The best-scored sentences of a missed question (<c>--explain</c>): words, meaning and the mixed score.</summary>
    private static void Explain(ParsedGroundedPrompt prompt, ExtractiveOptions options, IEmbeddingGenerator<string, Embedding<float>>? model)
    {
        var meaning = model is null ? null : ExtractiveChatClient.MeaningAsync(model, prompt, options, CancellationToken.None).GetAwaiter().GetResult();
        var candidates = ExtractiveAnswer.Candidates(prompt, options.MaxSentenceChars, options.LabelWords);
        foreach (var c in ExtractiveAnswer.Scored(candidates, options, meaning).OrderByDescending(c => c.Support).Take(8))
        {
            var cosine = meaning?.TryGetValue(c.Sentence, out var value) == true ? value.ToString("0.00", CultureInfo.InvariantCulture) : "-";
            Console.WriteLine($"      {c.Support:0.00} words {candidates[c.Order].Support:0.00} cos {cosine} [{c.Source}] {(c.Sentence.Length > 110 ? c.Sentence[..110] + "…" : c.Sentence)}");
        }
    }

    /// <summary>The sources as the answerer gets them: the dumped snippets, or the dumped chunks trimmed again.</summary>
    private static List<(GroundedSource Source, string? Doc)> Context(DumpedQuestion q)
    {
        if (q.Sources.Any(s => s.Chunk is null))
        {
            return q.Sources.Select(s => (new GroundedSource(s.Number, s.Title, s.Text), s.Doc)).ToList();
        }
        var hits = q.Sources.Select((s, i) => (new KnowledgeSearchHit(Guid.Empty, Guid.Empty, s.Title, Guid.Empty, [], null, i, s.Chunk!, i + 1, 0, null, null), 0.0)).ToList();
        // Numbered as the pipeline numbers them (a chunk whose trimmed text no longer fits is left out and the rest move up).
        var context = QueryRagContext.Build(q.Question, hits, ContextTokens);
        return context.Select(c => (new GroundedSource(c.Number, c.Chunk.DocumentTitle, c.Text), q.Sources[c.Chunk.Position].Doc)).ToList();
    }

    /// <summary>The pipeline's context budget with the extractive model: RagOptions.ContextTokenBudget, under half its 4,096-token window.</summary>
    private const int ContextTokens = 1500;

    private static string Ratio(int part, int whole) => whole == 0 ? "-" : $"{(double)part / whole:0.00} ({part}/{whole})";

    private static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

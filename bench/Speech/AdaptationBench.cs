using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Adaptation;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Hosting;
using VoiceHelper.Voice.Speech.Recognition;
using VoiceHelper.Voice.Speech.Synthesis;

namespace VoiceHelper.Speech.Bench;

/// <summary>
/// Issue 20: recognition adapted to a knowledge base. Two dev knowledge bases from Debian manual pages (the ones
/// bench/Devsets renders), the Devsets questions about those pages spoken by pico and espeak-ng, each recogniser
/// general vs adapted: WER, recall of the questions' rare words (not in the general dictionary) and of the question's
/// fact word; then build time and memory at 1,000 and 10,000 chunks. Run: bench/Speech -- --adaptation DIR; then
/// bench/Speech/run-answers.sh DIR asks its transcripts of the real answer path ("answer contains the right fact", AnswerBench).
/// </summary>
internal static class AdaptationBench
{
    public const string Flag = "--adaptation";

    // --prime: what a caller might say before the question, so the question is not the stream's first speech.
    private const string Primer = "Hello, I have a question about the documentation please.";

    internal static readonly Dictionary<string, string[]> KnowledgeBases = new()
    {
        ["postgres-tools"] = ["pg_dump", "pg_restore", "initdb", "pg_ctl", "createdb", "vacuumdb", "pg_isready", "pg_basebackup"],
        ["media-and-web"] = ["espeak-ng", "pdftotext", "pdfinfo", "nginx", "sox"],
    };

    /// <summary>
    /// <paramref name="split"/>: the Devsets questions' "dev" or "held-out" half, or null for both; settings are chosen
    /// on dev and reported on held-out. <paramref name="domainWeight"/> and <paramref name="hotwordsScore"/> are the two knobs.
    /// </summary>
    public static async Task RunAsync(string output, string? split, float domainWeight, float hotwordsScore, string? only,
        IReadOnlyDictionary<string, string> search, IReadOnlyList<PocketsphinxSetting>? sweep = null, IReadOnlyList<(float Score, int Paths)>? hotwordSweep = null,
        bool buildCost = true, bool prime = false)
    {
        var devsets = FindDevsets();
        var pages = Path.Combine(output, "man-pages");
        if (!Directory.Exists(pages) || Directory.GetFiles(pages).Length == 0)
        {
            await RunAsync("bash", Path.Combine(devsets, "render-man-pages.sh"), pages, "en");
        }

        using var sphinxHost = BenchHost.Build("Pocketsphinx", Environment.ProcessorCount);
        using var sherpaHost = BenchHost.Build("SherpaOnnx", Environment.ProcessorCount);
        var pool = sphinxHost.Services.GetRequiredService<SpeechWorkPool>();
        var sphinxOptions = sphinxHost.Services.GetRequiredService<IOptions<PocketsphinxOptions>>().Value;
        var sherpaOptions = sherpaHost.Services.GetRequiredService<IOptions<RecognizerOptions>>().Value;
        sherpaOptions.HotwordsScore = hotwordsScore;
        var dictionary = Path.Combine(sphinxOptions.ModelDirectory, sphinxOptions.Dictionary);
        var generalSphinx = sphinxHost.Services.GetRequiredService<ISpeechRecognizer>();
        var generalSherpa = sherpaHost.Services.GetRequiredService<ISpeechRecognizer>();
        var vocabulary = Path.Combine(output, "bpe.vocab");
        BpeVocabulary.Write(Path.Combine(sherpaOptions.ModelDirectory!, sherpaOptions.Tokens), vocabulary);
        using var beam = new SherpaOnnxSpeechRecognizer(sherpaOptions, pool, vocabulary);

        var known = File.ReadLines(dictionary).Select(l => l.Split(' ', '(')[0]).ToHashSet(StringComparer.Ordinal);
        var questions = File.ReadLines(Path.Combine(devsets, "en", "questions.jsonl"))
            .Select(l => JsonSerializer.Deserialize<JsonElement>(l))
            .Select(q => (Text: q.GetProperty("question").GetString()!, Doc: q.GetProperty("doc").GetString()!,
                Facts: q.GetProperty("facts").EnumerateArray().Select(f => f.GetString()!).ToArray(), Split: q.GetProperty("split").GetString()!))
            .Where(q => split is null || q.Split == split)
            .ToList();
        await using var transcripts = new StreamWriter(Path.Combine(output, "transcripts.tsv")) { AutoFlush = true };
        var espeak = new EspeakSpeechSynthesizer(Options.Create(new SynthesizerOptions { Voice = "en-us" }));

        var rows = new Dictionary<string, Score>();
        var builds = new Table("Adaptation per dev knowledge base", "knowledge base", "chunks", "sentences", "new words", "terms (hotwords)", "build s", "questions");
        foreach (var (kb, names) in KnowledgeBases)
        {
            var chunks = names.SelectMany(n => Chunks(File.ReadAllText(Path.Combine(pages, n + ".txt")))).ToList();
            var watch = Stopwatch.StartNew();
            var build = await SpeechAdaptationBuild.CreateAsync(chunks, Path.Combine(output, "adaptations", kb), dictionary, domainWeight, 300, CancellationToken.None);
            using var adaptedSphinx = new PocketsphinxSpeechRecognizer(sphinxOptions, pool, build.Pocketsphinx with { Search = search });
            watch.Stop();
            // --sweep: more adapted settings side by side (tuned on the dev split only).
            var swept = new List<(string Name, ISpeechRecognizer Recognizer)>();
            foreach (var setting in sweep ?? [])
            {
                swept.Add(($"pocketsphinx adapted {setting.Name}",
                    new PocketsphinxSpeechRecognizer(sphinxOptions, pool, build.Pocketsphinx with { DomainWeight = setting.DomainWeight, Search = setting.Search })));
            }

            var hotwordBeams = new List<SherpaOnnxSpeechRecognizer>();
            foreach (var (score, paths) in hotwordSweep ?? [])
            {
                var settings = new RecognizerOptions
                {
                    ModelDirectory = sherpaOptions.ModelDirectory, HotwordsScore = score, MaxActivePaths = paths,
                };
                hotwordBeams.Add(new SherpaOnnxSpeechRecognizer(settings, pool, vocabulary));
                swept.Add(($"sherpa-onnx beam + hotwords score={score} paths={paths}", hotwordBeams[^1].WithHotwords(build.Hotwords)));
            }

            var hotwordSherpa = beam.WithHotwords(build.Hotwords);
            var spoken = questions.Where(q => names.Contains(Path.GetFileNameWithoutExtension(q.Doc))).ToList();
            builds.Add(kb, chunks.Count.ToString(CultureInfo.InvariantCulture), build.Sentences.ToString(CultureInfo.InvariantCulture),
                build.Pocketsphinx.Pronunciations.Count.ToString(CultureInfo.InvariantCulture), build.Terms.Count.ToString(CultureInfo.InvariantCulture),
                watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture), spoken.Count.ToString(CultureInfo.InvariantCulture));
            var recognizers = new (string Name, ISpeechRecognizer Recognizer)[]
            {
                ("pocketsphinx general", generalSphinx), ("pocketsphinx adapted (LM + words)", adaptedSphinx),
                ("sherpa-onnx general (greedy)", generalSherpa), ("sherpa-onnx beam, no hotwords", beam), ("sherpa-onnx beam + hotwords", hotwordSherpa),
            }.Concat(swept).Where(r => only is null || only.Split('|').Any(o => r.Name.Contains(o, StringComparison.Ordinal))).ToArray();
            foreach (var question in spoken)
            {
                var words = SpokenText.Words(question.Text);
                var reference = string.Join(' ', words);
                var rare = words.Where(w => !known.Contains(w)).ToList();
                var fact = question.Facts.SelectMany(SpokenText.Words).ToList();
                var clips = new List<(string Voice, float[] Audio, float[]? Primer)>
                {
                    ("espeak-ng en-us", (await espeak.SynthesizeClipAsync(reference)).Samples, prime ? (await espeak.SynthesizeClipAsync(Primer)).Samples : null),
                    ("pico en-US", await PicoAsync(output, reference), prime ? await PicoAsync(output, Primer) : null),
                };
                foreach (var (voice, audio, primer) in clips)
                {
                    // The recognisers of one clip decode side by side (the work pool bounds them to its threads).
                    var transcribed = await Task.WhenAll(recognizers.Select(r => Transcriber.TranscribeAsync(r.Recognizer, audio, primer)));
                    foreach (var ((name, _), text) in recognizers.Zip(transcribed))
                    {
                        var heard = SpokenText.Words(text);
                        await transcripts.WriteLineAsync($"{name}\t{voice}\t{reference}\t{string.Join(' ', heard)}");
                        var key = $"{name}|{voice}";
                        rows[key] = (rows.GetValueOrDefault(key) ?? new Score()).Add(reference, string.Join(' ', heard), rare, fact, heard);
                    }
                }
            }

            foreach (var recognizer in swept.Select(s => s.Recognizer).Concat(hotwordBeams))
            {
                (recognizer as IDisposable)?.Dispose();
            }
        }

        builds.Print();
        var table = new Table($"Domain questions ({split ?? "all"} split{(prime ? ", each after a primer sentence in the same stream" : "")}; domain weight {domainWeight}, hotwords score {hotwordsScore}, adapted search {PocketsphinxSetting.Describe(search)}; load average {LoadAverage()}): general vs adapted (WER lower is better; recall of rare words and of the answer's fact word)",
            "recogniser", "voice", "questions", "WER", "rare-word recall", "fact-word recall");
        foreach (var (key, score) in rows.OrderBy(r => r.Key.Split('|')[1], StringComparer.Ordinal))
        {
            var parts = key.Split('|');
            table.Add(parts[0], parts[1], score.Questions.ToString(CultureInfo.InvariantCulture), Percent(score.Errors, score.Words),
                Percent(score.RareHeard, score.Rare), Percent(score.FactHeard, score.Facts));
        }

        table.Print();
        if (buildCost)
        {
            await BuildCostAsync(output, dictionary);
        }
    }

    /// <summary>Build time and memory at 1,000 and 10,000 chunks of real manual pages (section 1, in order).</summary>
    public static async Task BuildCostAsync(string output)
    {
        var options = new PocketsphinxOptions();
        await BuildCostAsync(output, Path.Combine(options.ModelDirectory, options.Dictionary));
    }

    private static async Task BuildCostAsync(string output, string dictionary)
    {
        var corpus = new List<string>();
        // gcloud's 16,000 generated reference pages (near duplicates) are left out: the rest of section 1 is varied text.
        foreach (var page in Directory.GetFiles("/usr/share/man/man1").Where(p => !Path.GetFileName(p).StartsWith("gcloud", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (corpus.Count >= 10_000)
            {
                break;
            }

            corpus.AddRange(Chunks(ManPageText.Read(page)));
        }

        var table = new Table($"Build cost (chunks of section-1 manual pages; pronunciations for every new word included; load average {LoadAverage()})",
            "chunks", "sentences", "new words", "ARPA MB", "build s", "peak working set MB", "adapted decoder load s");
        foreach (var size in new[] { 1_000, 10_000 })
        {
            var chunks = corpus.Take(size).ToList();
            GC.Collect();
            var before = Process.GetCurrentProcess().WorkingSet64;
            var watch = Stopwatch.StartNew();
            var build = await SpeechAdaptationBuild.CreateAsync(chunks, Path.Combine(output, "adaptations", $"cost-{size}"), dictionary, 0.5f, 300, CancellationToken.None);
            var buildTime = watch.Elapsed;
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var peak = process.PeakWorkingSet64;
            watch.Restart();
            var pool = new SpeechWorkPool(1);
            using (new PocketsphinxSpeechRecognizer(new PocketsphinxOptions(), pool, build.Pocketsphinx))
            {
            }

            var load = watch.Elapsed;
            pool.Dispose();
            table.Add(chunks.Count.ToString(CultureInfo.InvariantCulture), build.Sentences.ToString(CultureInfo.InvariantCulture),
                build.Pocketsphinx.Pronunciations.Count.ToString(CultureInfo.InvariantCulture),
                (new FileInfo(build.Pocketsphinx.LanguageModelPath).Length / 1e6).ToString("F1", CultureInfo.InvariantCulture),
                buildTime.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
                $"{peak / 1e6:F0} (before {before / 1e6:F0})", load.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        table.Print();
    }

    /// <summary>Paragraph-bounded chunks of about 800 characters, like the ingestion worker's.</summary>
    private static IEnumerable<string> Chunks(string text)
    {
        var current = new System.Text.StringBuilder();
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            current.Append(paragraph).Append("\n\n");
            if (current.Length >= 800)
            {
                yield return current.ToString();
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static async Task<float[]> PicoAsync(string output, string text)
    {
        var path = Path.Combine(output, "pico-question.wav");
        await RunAsync("pico2wave", "-l", "en-US", "-w", path, text);
        var clip = WavFile.Read(path);
        return Resampler.Resample(clip.Samples, clip.SampleRate, 16_000);
    }

    internal static string FindDevsets()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "Devsets");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("bench/Devsets not found above " + AppContext.BaseDirectory);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {await error}");
        }
    }

    private sealed class Score
    {
        public int Questions { get; private set; }
        public int Errors { get; private set; }
        public int Words { get; private set; }
        public int Rare { get; private set; }
        public int RareHeard { get; private set; }
        public int Facts { get; private set; }
        public int FactHeard { get; private set; }

        public Score Add(string reference, string hypothesis, List<string> rare, List<string> fact, List<string> heard)
        {
            Questions++;
            Errors += WordErrorRate.Errors(reference, hypothesis);
            Words += WordErrorRate.Words(reference).Length;
            var pool = heard.ToList();
            foreach (var word in rare)
            {
                Rare++;
                if (pool.Remove(word))
                {
                    RareHeard++;
                }
            }

            if (fact.Count > 0)
            {
                Facts++;
                FactHeard += fact.All(heard.Contains) ? 1 : 0;
            }

            return this;
        }
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + " %";
}

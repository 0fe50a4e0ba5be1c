extern alias assistant;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using assistant::VoiceHelper.Assistant.Grounding;
using VoiceHelper.Assistant.Bench;
using VoiceHelper.Bench;
using VoiceHelper.Testing;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Tests.Infrastructure;

namespace VoiceHelper.Voice.Bench;

/// <summary>
/// Voice calls measured end to end over /ws/voice: English questions of the assistant dev set, spoken by each voice and
/// streamed in real time, recognised, answered by the real Conversations over the embedded answerer (Assistant and
/// Knowledge with the dev documents indexed), and spoken back. (A class, not top-level statements: the voice worker's
/// own Program is referenced.)
/// </summary>
internal static class VoiceBench
{
    private const string Usage = """
        Voice call benchmark (prints Markdown tables). Run through bench/Voice/run.sh, which starts PostgreSQL, Redis and RabbitMQ.
          --questions N        turns per voice and recogniser for latency and accuracy (default 40; the English dev questions, cycled)
          --voices LIST        caller voices: pico, espeak, flite (default: those installed)
          --recognizers LIST   pocketsphinx, transducer (default: pocketsphinx, plus transducer when VOICEHELPER_MODELS_DIR holds its model)
          --capacity LIST      concurrent calls per capacity level (default 1,10,25,50); a level that fails ends the series
          --parallel N         calls at once while measuring latency (default 2)
          --answerer KIND      embedded (default: Assistant's embedded answerer over the dev documents) or fake (instant canned answer)
          --level-timeout S    seconds a capacity level may take (default 60)
        Latency = end of the caller's speech (known from the WAV) to the first byte of answer audio received. An answer prepared
        early (from the stable transcript once the caller stops) has its first token and synthesis inside the end-of-turn wait.
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var turns = Number("--questions", 40);
        var voices = Text("--voices", string.Join(',', new[] { "pico", "espeak", "flite" }.Where(Installed))).Split(',');
        var recognizers = Text("--recognizers", HasTransducer() ? "pocketsphinx,transducer" : "pocketsphinx").Split(',');
        var levels = Text("--capacity", "1,10,25,50").Split(',').Select(int.Parse).ToList();
        var parallel = Number("--parallel", 2);
        var levelTimeout = TimeSpan.FromSeconds(Number("--level-timeout", 60));
        var started = Stopwatch.StartNew();

        // Outside a test project the factory finds no content-root manifest; the services need no content files.
        foreach (var assembly in (string[])["VOICEHELPER_CONVERSATIONS", "VOICEHELPER_VOICE"])
        {
            Environment.SetEnvironmentVariable($"ASPNETCORE_TEST_CONTENTROOT_{assembly}", AppContext.BaseDirectory);
        }
        using var tokens = new TestTokens();
        var events = await TestServers.CreateDatabaseAsync("voicebench_events");
        var devset = Path.Combine(AppContext.BaseDirectory, "devset");
        var questions = DevQuestions(devset);
        await using var answerer = Text("--answerer", "embedded") == "fake"
            ? await EmbeddedAnswerer.FakeAsync()
            : await EmbeddedAnswerer.StartAsync(tokens, events, Path.Combine(devset, "docs"));
        await using var conversations = new ConversationsHost(tokens, await TestServers.CreateDatabaseAsync("voicebench_conv"), events, answerer.Address);
        conversations.Start();
        Console.WriteLine($"{questions.Count} English dev questions, {turns} turns per voice; voices {string.Join(", ", voices)}; answerer {answerer.Name}; " +
            $"{Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        var clips = new Dictionary<(string Voice, string Question), float[]>();
        foreach (var voice in voices)
        {
            foreach (var question in questions)
            {
                clips[(voice, question.Question)] = await SpeakAsync(voice, question.Question);
            }
        }

        var latency = new Table("Response latency, ms (end of caller speech -> first answer audio byte), p50 / p95",
            "recogniser", "voice", "answered", "response", "end of turn", "recognition final", "first token", "first audio synthesized",
            "prepared early (share; ms ahead p50)", "load average");
        var accuracy = new Table("Accuracy of the same turns", "recogniser", "voice", "turns", "WER", "answer contains the fact", "unanswerable -> \"don't know\"");
        var capacity = new Table("Capacity: calls speaking at once, each one question in real time",
            "recogniser", "calls", "answered", "recognition lag p95, ms", "response p50, ms", "response p95, ms", "within targets (lag <= 500, p95 <= 1000)",
            "process CPU, cores (callers + server + answerer)", "load average");
        foreach (var recognizer in recognizers)
        {
            await using var voiceHost = new VoiceHost(tokens, conversations.Address, events, new Dictionary<string, string?>
            {
                ["Voice:MaxSessionsPerTenant"] = "1000",
                ["Voice:IdleTimeoutMs"] = "120000",
                // Audio goes out as fast as it is synthesized, so a turn ends when its answer is spoken, not played: the
                // first audio byte (what is measured) leaves exactly as it would with pacing.
                ["Voice:AudioLeadMs"] = "600000",
                ["Speech:Recognizer:Engine"] = recognizer == "transducer" ? "SherpaOnnx" : "Pocketsphinx",
            });
            voiceHost.Start();
            var caller = new CallerFactory(tokens, voiceHost.Address, answerer.TenantId, answerer.KnowledgeBaseId);
            await caller.AskAsync(questions[0], clips[(voices[0], questions[0].Question)]); // warm-up, not counted

            foreach (var voice in voices)
            {
                var asked = Enumerable.Range(0, turns).Select(i => questions[i % questions.Count]).ToList();
                var results = new List<Turn>();
                using var gate = new SemaphoreSlim(parallel);
                await Task.WhenAll(asked.Select(async question =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        var result = await caller.AskAsync(question, clips[(voice, question.Question)]);
                        lock (results)
                        {
                            results.Add(result);
                        }
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
                var ok = results.Where(r => r.FirstAudioMs is not null).ToList();
                latency.Add(recognizer, voice, $"{ok.Count}/{results.Count}", Percentiles(ok, r => r.FirstAudioMs!.Value),
                    Percentiles(ok, r => r.EndOfTurnMs), Percentiles(ok, r => r.RecognitionMs), Percentiles(ok, r => r.FirstTokenMs), Percentiles(ok, r => r.SynthesisMs),
                    $"{Share(ok.Count(r => r.PreparedAheadMs > 0), ok.Count)}; {Format(Percentile([.. ok.Where(r => r.PreparedAheadMs > 0)], r => r.PreparedAheadMs, 50))}",
                    File.ReadAllText("/proc/loadavg").Split(' ')[0]);
                var answerable = results.Where(r => r.Question.Facts.Length > 0).ToList();
                var unanswerable = results.Where(r => r.Question.Facts.Length == 0).ToList();
                accuracy.Add(recognizer, voice, results.Count.ToString(CultureInfo.InvariantCulture), WordErrorRate(results).ToString("P1", CultureInfo.InvariantCulture),
                    Share(answerable.Count(r => r.Question.Facts.Any(f => r.Answer.Contains(f, StringComparison.OrdinalIgnoreCase))), answerable.Count),
                    Share(unanswerable.Count(r => r.Answer.Length > 0 && GroundedPrompt.IsDontKnow(r.Answer)), unanswerable.Count));
                Console.WriteLine($"  {recognizer} / {voice}: {ok.Count}/{results.Count} answered ({started.Elapsed.TotalSeconds:0} s)");
            }

            foreach (var level in levels)
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                var results = await Task.WhenAll(Enumerable.Range(0, level).Select(i =>
                {
                    var question = questions[i % questions.Count];
                    return caller.AskAsync(question, clips[(voices[0], question.Question)], levelTimeout);
                }));
                var cores = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / wall.Elapsed.TotalMilliseconds;
                var ok = results.Where(r => r.FirstAudioMs is not null).ToList();
                var lag = Percentile(ok, r => r.TranscriptLagMs, 95);
                var p95 = Percentile(ok, r => r.FirstAudioMs!.Value, 95);
                var within = ok.Count == level && lag <= 500 && p95 <= 1000;
                capacity.Add(recognizer, level.ToString(CultureInfo.InvariantCulture), $"{ok.Count}/{level}", Format(lag), Format(Percentile(ok, r => r.FirstAudioMs!.Value, 50)), Format(p95), within ? "yes" : "no",
                    cores.ToString("F2", CultureInfo.InvariantCulture), File.ReadAllText("/proc/loadavg").Split(' ')[0]);
                Console.WriteLine($"  {recognizer} capacity {level}: {ok.Count}/{level} answered ({started.Elapsed.TotalSeconds:0} s)");
                if (ok.Count < level)
                {
                    break; // overloaded: more calls would only fail the same way, slower
                }
            }
        }
        latency.Print();
        accuracy.Print();
        capacity.Print();
        Console.WriteLine($"\n(total {started.Elapsed.TotalSeconds:0} s)");
        return 0;

        static string Text(string name, string fallback)
        {
            var args = Environment.GetCommandLineArgs();
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        static int Number(string name, int fallback) => int.Parse(Text(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
    }

    private static List<DevQuestion> DevQuestions(string devset) =>
        [.. File.ReadLines(Path.Combine(devset, "questions.jsonl"))
            .Select(line => JsonSerializer.Deserialize<DevQuestion>(line)!)
            .Where(q => q.Question.All(char.IsAscii))];

    private static bool HasTransducer() =>
        Environment.GetEnvironmentVariable("VOICEHELPER_MODELS_DIR") is { Length: > 0 } models
        && Directory.Exists(Path.Combine(models, "asr-en-zipformer-3.3m-streaming"));

    private static bool Installed(string voice) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, voice == "pico" ? "pico2wave" : voice == "espeak" ? "espeak-ng" : voice)));

    /// <summary>The question spoken by a voice at 16 kHz, cut at its last audible 10 ms: trailing silence in the file is not speech.</summary>
    private static async Task<float[]> SpeakAsync(string voice, string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"voicebench-{Guid.NewGuid():N}.wav");
        try
        {
            var start = voice switch
            {
                "pico" => new ProcessStartInfo("pico2wave") { ArgumentList = { "-l", "en-US", "-w", path, "--", text } },
                "espeak" => new ProcessStartInfo("espeak-ng") { ArgumentList = { "-v", "en-us", "-w", path, "--", text } },
                "flite" => new ProcessStartInfo("flite") { ArgumentList = { "-voice", "slt", "-t", text, "-o", path } },
                _ => throw new ArgumentException($"Unknown voice {voice}: pico, espeak or flite."),
            };
            using (var process = Process.Start(start)!)
            {
                await process.WaitForExitAsync();
            }
            var clip = WavFile.Read(path);
            var samples = clip.SampleRate == 16_000 ? clip.Samples : Resampler.Resample(clip.Samples, clip.SampleRate, 16_000);
            var end = samples.Length;
            while (end > 160 && LevelMeter.Measure(samples.AsSpan(end - 160, 160)).RmsDbfs <= -40)
            {
                end -= 160;
            }
            return samples[..end];
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Percentiles(IReadOnlyList<Turn> turns, Func<Turn, int> value) =>
        $"{Format(Percentile(turns, value, 50))} / {Format(Percentile(turns, value, 95))}";

    private static int? Percentile(IReadOnlyList<Turn> turns, Func<Turn, int> value, int percentile)
    {
        if (turns.Count == 0)
        {
            return null;
        }
        var sorted = turns.Select(value).Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static string Format(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Share(int part, int whole) => whole == 0 ? "-" : $"{(double)part / whole:P0} ({part}/{whole})";

    private static double WordErrorRate(IReadOnlyList<Turn> turns)
    {
        int errors = 0, words = 0;
        foreach (var turn in turns)
        {
            var reference = Words(turn.Question.Question);
            var hypothesis = Words(turn.Transcript);
            var d = new int[reference.Length + 1, hypothesis.Length + 1];
            for (var i = 0; i <= reference.Length; i++)
            {
                d[i, 0] = i;
            }
            for (var j = 0; j <= hypothesis.Length; j++)
            {
                d[0, j] = j;
            }
            for (var i = 1; i <= reference.Length; i++)
            {
                for (var j = 1; j <= hypothesis.Length; j++)
                {
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1));
                }
            }
            errors += d[reference.Length, hypothesis.Length];
            words += reference.Length;
        }
        return words == 0 ? 0 : (double)errors / words;
    }

    private static string[] Words(string text) => new string([.. text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '\'' ? c : ' ')])
        .Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

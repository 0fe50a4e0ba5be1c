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
          --capacity LIST      concurrent calls per capacity level (default 1,10,25,50); a level losing over 10% of its turns ends the series
          --level-seconds S    how long each capacity level runs (default 60)
          --stagger S          capacity calls start spread over the first S seconds (default 5)
          --parallel N         calls at once while measuring latency (default 2)
          --answerer KIND      embedded (default: Assistant's embedded answerer over the dev documents) or fake (instant canned answer)
        --questions 0 skips latency and accuracy (capacity only).
        Latency = end of the caller's speech (known from the WAV) to the first byte of answer audio received. An answer prepared
        early (from the stable transcript once the caller stops) has its first token and synthesis inside the end-of-turn wait.
        Capacity: N calls hold conversations for the level's time, from a separate caller process (this program, --callers):
        each streams its question in real time, waits for the answer, listens to it in real time (playback.mark like the call
        page), pauses 1-2 s and asks the next. Server CPU (voice worker + Conversations + answerer, this process) and caller
        CPU are measured over the same window.
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args is ["--callers", var job, var outcome])
        {
            return await CapacityCallers.RunAsync(job, outcome);
        }
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
        var levelSeconds = Number("--level-seconds", 60);
        var stagger = Number("--stagger", 5);
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

        // The capacity callers run in another process: each question's clip (first voice) as a raw float32 file.
        var clipDir = Directory.CreateTempSubdirectory("voicebench-").FullName;
        var clipFiles = questions.Select((q, i) =>
        {
            var path = Path.Combine(clipDir, $"q{i}.f32");
            File.WriteAllBytes(path, System.Runtime.InteropServices.MemoryMarshal.AsBytes(clips[(voices[0], q.Question)].AsSpan()).ToArray());
            return new CapacityQuestion(q.Question, path);
        }).ToList();

        var latency = new Table("Response latency, ms (end of caller speech -> first answer audio byte), p50 / p95",
            "recogniser", "voice", "answered", "response", "end of turn", "recognition final", "first token", "first audio synthesized",
            "prepared early (share; ms ahead p50)", "load average");
        var accuracy = new Table("Accuracy of the same turns", "recogniser", "voice", "turns", "WER", "answer contains the fact", "unanswerable -> \"don't know\"");
        var capacity = new Table($"Capacity: calls holding conversations for {levelSeconds} s each level (ask in real time, hear the answer played in real time, pause 1-2 s, ask again; starts spread over {stagger} s), callers in their own process",
            "recogniser", "calls", "turns answered", "recognition lag p95, ms", "response p50, ms", "response p95, ms", "within targets (lag <= 500, p95 <= 1000)",
            "server CPU, cores (voice + Conversations + answerer + synthesis programs)", "of which speech decoding", "caller process CPU, cores", "load average (start -> end)");
        foreach (var recognizer in recognizers)
        {
            var engine = recognizer == "transducer" ? "SherpaOnnx" : "Pocketsphinx";
            if (turns > 0)
            {
                await MeasureLatencyAsync(recognizer, engine);
            }
            await MeasureCapacityAsync(engine);
        }
        latency.Print();
        accuracy.Print();
        capacity.Print();
        Console.WriteLine($"\n(total {started.Elapsed.TotalSeconds:0} s)");
        Directory.Delete(clipDir, recursive: true);
        return 0;

        async Task MeasureLatencyAsync(string recognizer, string engine)
        {
            await using var voiceHost = new VoiceHost(tokens, conversations.Address, events, new Dictionary<string, string?>
            {
                ["Voice:MaxSessionsPerTenant"] = "1000",
                ["Voice:IdleTimeoutMs"] = "120000",
                // Audio goes out as fast as it is synthesized, so a turn ends when its answer is spoken, not played: the
                // first audio byte (what is measured) leaves exactly as it would with pacing.
                ["Voice:AudioLeadMs"] = "600000",
                ["Speech:Recognizer:Engine"] = engine,
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
    }

        async Task MeasureCapacityAsync(string engine)
        {
            // The worker as deployed: answer audio paced to the caller's playback (the default lead).
            await using var voiceHost = new VoiceHost(tokens, conversations.Address, events, new Dictionary<string, string?>
            {
                ["Voice:MaxSessionsPerTenant"] = "1000",
                ["Speech:Recognizer:Engine"] = engine,
            });
            voiceHost.Start();
            await new CallerFactory(tokens, voiceHost.Address, answerer.TenantId, answerer.KnowledgeBaseId)
                .AskAsync(questions[0], clips[(voices[0], questions[0].Question)]); // warm-up, not counted
            foreach (var level in levels)
            {
                var job = new CapacityJob(voiceHost.Address, answerer.KnowledgeBaseId,
                    [.. Enumerable.Range(0, level).Select(_ => tokens.Issue(answerer.TenantId, Guid.NewGuid(), ["member"], TimeSpan.FromHours(2)))],
                    clipFiles, levelSeconds, Math.Min(stagger, levelSeconds));
                var measured = await CapacityLevel.RunAsync(job, clipDir);
                var turnsDone = measured.Outcome.Turns;
                var ok = turnsDone.Where(t => t.ResponseMs is not null).ToList();
                var lag = Percentile(ok, t => t.LagMs!.Value, 95);
                var p95 = Percentile(ok, t => t.ResponseMs!.Value, 95);
                var within = measured.Outcome.CallsConnected == level && ok.Count == turnsDone.Count && ok.Count > 0 && lag <= 500 && p95 <= 1000;
                capacity.Add(engine == "SherpaOnnx" ? "transducer" : "pocketsphinx", level.ToString(CultureInfo.InvariantCulture), $"{ok.Count}/{turnsDone.Count}",
                    Format(lag), Format(Percentile(ok, t => t.ResponseMs!.Value, 50)), Format(p95), within ? "yes" : "no",
                    measured.ServerCores.ToString("F2", CultureInfo.InvariantCulture), measured.SpeechCores.ToString("F2", CultureInfo.InvariantCulture),
                    (measured.Outcome.CallerCpuMs / measured.Outcome.WindowMs).ToString("F2", CultureInfo.InvariantCulture), $"{measured.LoadStart} -> {measured.LoadEnd}");
                Console.WriteLine($"  {engine} capacity {level}: {ok.Count}/{turnsDone.Count} turns answered, lag p95 {Format(lag)} ms, response p95 {Format(p95)} ms, " +
                    $"server {measured.ServerCores:F2} cores ({started.Elapsed.TotalSeconds:0} s)");
                Console.WriteLine($"    p50 / p95 ms: end of turn {Percentiles(ok, t => t.EndOfTurnMs)}, recognition final {Percentiles(ok, t => t.RecognitionMs)}, " +
                    $"first token {Percentiles(ok, t => t.FirstTokenMs)}, first synthesis {Percentiles(ok, t => t.SynthesisMs)}; recognisers: {string.Join(", ", measured.Outcome.Recognizers)}; " +
                    $"callers whose own microphone fell over 1 s behind: {measured.Outcome.MicrophonesBehind}");
                foreach (var failure in turnsDone.Where(t => t.Failure is not null).GroupBy(t => t.Failure).Take(3))
                {
                    Console.WriteLine($"    {failure.Count()} x {failure.Key}");
                }
                if (ok.Count < turnsDone.Count * 0.9)
                {
                    break; // far over capacity: more calls would only fail the same way, slower
                }
            }
        }

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

    private static string Percentiles<T>(IReadOnlyList<T> turns, Func<T, int> value) =>
        $"{Format(Percentile(turns, value, 50))} / {Format(Percentile(turns, value, 95))}";

    private static int? Percentile<T>(IReadOnlyList<T> turns, Func<T, int> value, int percentile)
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

using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
using VoiceHelper.Bench;
using VoiceHelper.Testing;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Tests.Infrastructure;

namespace VoiceHelper.Voice.Bench;

/// <summary>
/// Voice calls measured end to end: questions from the assistant dev set are spoken (pico and espeak-ng), streamed
/// in real time over /ws/voice, answered by a real Conversations, and timed from the end of the caller's speech
/// (known from the WAV) to the first byte of answer audio. (A class, not top-level statements: the voice worker's
/// own Program is referenced.)
/// </summary>
internal static class VoiceBench
{
    public static async Task Main()
    {
        // Voice calls measured end to end: questions from the assistant dev set are spoken (pico and espeak-ng), streamed in
        // real time over /ws/voice to the voice worker, answered by a real Conversations (the answerer behind it streams
        // its tokens at once, standing in for the embedded answerer), and timed from the end of the caller's speech (known
        // from the WAV) to the first byte of answer audio.
        var questions = File.ReadLines(Path.Combine(Arg("--devset", "bench/Assistant/devset"), "questions.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!)
            .Take(int.Parse(Arg("--questions", "40"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var voices = Arg("--voices", "pico,espeak").Split(',');
        var levels = Arg("--capacity", "1,5,10,20").Split(',').Select(int.Parse).ToList();
        var parallel = int.Parse(Arg("--parallel", "2"), System.Globalization.CultureInfo.InvariantCulture);

        using var tokens = new TestTokens();
        await using var answerer = await FakeAnswerer.StartAsync();
        answerer.TokenDelay = TimeSpan.Zero;
        var events = await TestServers.CreateDatabaseAsync("voicebench_events");
        await using var conversations = new ConversationsHost(tokens, await TestServers.CreateDatabaseAsync("voicebench_conv"), events, answerer.Address);
        conversations.Start();
        await using var voice = new VoiceHost(tokens, conversations.Address, events, new Dictionary<string, string?>
        {
            ["Voice:MaxSessionsPerTenant"] = "1000",
            ["Voice:IdleTimeoutMs"] = "120000",
        });
        voice.Start();
        Console.WriteLine($"voice worker at {voice.Address}; {questions.Count} questions x {voices.Length} voices; {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        var clips = new Dictionary<(string Voice, string Question), float[]>();
        foreach (var v in voices)
        {
            foreach (var q in questions)
            {
                clips[(v, q)] = await SpeakAsync(v, q);
            }
        }

        var latency = new Table("Response latency (end of caller speech -> first answer audio byte), ms", "voice", "n", "p50", "p95", "end of turn p50", "recognition p50", "first token p50", "synthesis p50", "WER");
        foreach (var v in voices)
        {
            var results = new List<TurnResult>();
            var gate = new SemaphoreSlim(parallel);
            await Task.WhenAll(questions.Select(async q =>
            {
                await gate.WaitAsync();
                try
                {
                    var r = await AskAsync(q, clips[(v, q)]);
                    lock (results)
                    {
                        results.Add(r);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
            var ok = results.Where(r => r.FirstAudioMs is not null).ToList();
            latency.Add(v, $"{ok.Count}/{results.Count}", P(ok, r => r.FirstAudioMs!.Value, 50), P(ok, r => r.FirstAudioMs!.Value, 95),
                P(ok, r => r.EndOfTurnMs, 50), P(ok, r => r.RecognitionMs, 50), P(ok, r => r.FirstTokenMs, 50), P(ok, r => r.SynthesisMs, 50),
                $"{WordErrors(results):P1}");
        }
        latency.Print();

        var capacity = new Table("Capacity: concurrent calls asking at once", "calls", "answered", "transcript lag p95 (speech end -> transcript.final, minus end-of-turn wait)", "response p95", "response p50");
        foreach (var level in levels)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, level).Select(i => AskAsync(questions[i % questions.Count], clips[(voices[0], questions[i % questions.Count])])));
            var ok = results.Where(r => r.FirstAudioMs is not null).ToList();
            capacity.Add(level.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{ok.Count}/{level}",
                P(ok, r => r.TranscriptLagMs, 95), P(ok, r => r.FirstAudioMs!.Value, 95), P(ok, r => r.FirstAudioMs!.Value, 50));
        }
        capacity.Print();
        return;

        async Task<TurnResult> AskAsync(string question, float[] speech)
        {
            var tenant = Guid.NewGuid();
            var user = Guid.NewGuid();
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri($"ws://{voice.Address.Authority}/ws/voice?access_token={tokens.Issue(tenant, user)}"), CancellationToken.None);
            await using var call = new CallClient(socket);
            try
            {
                await call.WaitForAsync("session.created");
                await call.SayAsync(new float[4_800]);
                await call.SayAsync(speech);
                var speechEnd = Stopwatch.GetTimestamp();
                var final = await call.WaitForAsync("transcript.final", e => e.GetProperty("text").GetString()!.Length > 0, timeoutSeconds: 60);
                var done = await call.WaitForAsync("response.done", after: final.Index, timeoutSeconds: 60);
                var firstAudio = call.Log.First(r => r.Index > final.Index && r.AudioBytes > 0);
                var l = done.Event!.Value.GetProperty("latency");
                var endOfTurn = l.GetProperty("end_of_turn_ms").GetInt32();
                return new TurnResult(question, final.Event!.Value.GetProperty("text").GetString()!,
                    (int)Stopwatch.GetElapsedTime(speechEnd, firstAudio.At).TotalMilliseconds,
                    endOfTurn, l.GetProperty("recognition_ms").GetInt32(),
                    l.TryGetProperty("first_token_ms", out var t) ? t.GetInt32() : 0,
                    l.TryGetProperty("synthesis_ms", out var s) ? s.GetInt32() : 0,
                    (int)Stopwatch.GetElapsedTime(speechEnd, final.At).TotalMilliseconds - endOfTurn);
            }
            catch (TimeoutException)
            {
                return new TurnResult(question, "", null, 0, 0, 0, 0, 0);
            }
        }

        static async Task<float[]> SpeakAsync(string voice, string text)
        {
            var path = Path.Combine(Path.GetTempPath(), $"voicebench-{Guid.NewGuid():N}.wav");
            try
            {
                var start = voice == "pico"
                    ? new ProcessStartInfo("pico2wave") { ArgumentList = { "-l", "en-US", "-w", path, "--", text } }
                    : new ProcessStartInfo("espeak-ng") { ArgumentList = { "-v", "en-us", "-w", path, "--", text } };
                using (var process = Process.Start(start)!)
                {
                    await process.WaitForExitAsync();
                }
                var clip = WavFile.Read(path);
                var samples = clip.SampleRate == 16_000 ? clip.Samples : Resampler.Resample(clip.Samples, clip.SampleRate, 16_000);
                // The end of speech is the last 10 ms frame above -40 dBFS: trailing silence in the file is not speech.
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

        static string P(IReadOnlyList<TurnResult> results, Func<TurnResult, int> value, int percentile)
        {
            if (results.Count == 0)
            {
                return "-";
            }
            var sorted = results.Select(value).Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        static double WordErrors(IReadOnlyList<TurnResult> results)
        {
            int errors = 0, words = 0;
            foreach (var r in results)
            {
                var reference = Words(r.Question);
                var hypothesis = Words(r.Transcript);
                var d = new int[reference.Length + 1, hypothesis.Length + 1];
                for (var i = 0; i <= reference.Length; i++) d[i, 0] = i;
                for (var j = 0; j <= hypothesis.Length; j++) d[0, j] = j;
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

        static string[] Words(string text) => new string(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '\'' ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

        static string Arg(string name, string fallback)
        {
            var args = Environment.GetCommandLineArgs();
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }
    }
}

internal sealed record TurnResult(string Question, string Transcript, int? FirstAudioMs, int EndOfTurnMs, int RecognitionMs, int FirstTokenMs, int SynthesisMs, int TranscriptLagMs);

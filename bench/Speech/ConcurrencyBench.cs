using System.Diagnostics;
using System.Globalization;
using VoiceHelper.Voice.Speech.Recognition;

namespace VoiceHelper.Speech.Bench;

/// <summary>
/// How many sessions one machine serves in real time: N streams each receive a 100 ms chunk every
/// 100 ms (as a caller's audio arrives) and we record how long after a chunk arrived its result came
/// back. N grows until the 95th-percentile lag passes 500 ms or the cap is reached, so the run always
/// ends. p95 rather than max: the machine is shared, and one stall of a neighbour's build is not the
/// engine's capacity (max is printed too).
/// </summary>
internal static class ConcurrencyBench
{
    private const double LagLimitMs = 500;
    private static readonly TimeSpan Chunk = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync(ISpeechRecognizer recognizer, float[] audio, int cap)
    {
        var table = new Table($"Concurrent real-time streams: {recognizer.Name} (8 s of speech per stream, real time = p95 lag < 500 ms)",
            ["streams", "p50 lag ms", "p95 lag ms", "max lag ms", "result"]);
        var sustained = 0;
        for (var streams = 1; streams <= cap; streams = streams < 4 ? streams * 2 : streams + (streams / 2))
        {
            var lags = (await Task.WhenAll(Enumerable.Range(0, streams).Select(i => RunStreamAsync(recognizer, audio, i)))).SelectMany(l => l).Order().ToArray();
            var p95 = lags[(int)(lags.Length * 0.95)];
            var max = lags[^1];
            var ok = p95 < LagLimitMs;
            table.Add(streams.ToString(CultureInfo.InvariantCulture), Ms(lags[lags.Length / 2]), Ms(p95), Ms(max), ok ? "real time" : "falls behind");
            if (!ok)
            {
                break;
            }

            sustained = streams;
        }

        table.Add("=> max", string.Empty, string.Empty, string.Empty, $"{sustained} streams");
        table.Print();
    }

    private static async Task<List<double>> RunStreamAsync(ISpeechRecognizer recognizer, float[] audio, int index)
    {
        // Sessions do not start in lock-step: spread them over the first chunk period.
        await Task.Delay(TimeSpan.FromMilliseconds(index * 7 % 100));
        using var stream = recognizer.OpenStream();
        var lags = new List<double>();
        var clock = Stopwatch.StartNew();
        var chunks = audio.Length / Transcriber.ChunkSamples;
        for (var k = 0; k < chunks; k++)
        {
            var arrives = Chunk * (k + 1);
            var wait = arrives - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            await stream.AcceptAsync(audio.AsMemory(k * Transcriber.ChunkSamples, Transcriber.ChunkSamples));
            lags.Add((clock.Elapsed - arrives).TotalMilliseconds);
        }

        return lags;
    }

    private static string Ms(double value) => value.ToString("F0", CultureInfo.InvariantCulture);
}

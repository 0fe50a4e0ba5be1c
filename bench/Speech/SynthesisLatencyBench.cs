using System.Diagnostics;
using System.Globalization;
using VoiceHelper.Voice.Speech.Synthesis;

namespace VoiceHelper.Speech.Bench;

/// <summary>Time from handing a sentence to the synthesizer until its first PCM chunk (what a caller waits for).</summary>
internal static class SynthesisLatencyBench
{
    public const string EnglishSentence = "Thank you for calling our support line today, your order has shipped and should arrive at your home on Monday.";
    public const string ChineseSentence = "感谢您致电我们的客服热线，您的订单已经发货，预计星期一送到您家。";

    public static async Task RunAsync(ISpeechSynthesizer synthesizer)
    {
        var table = new Table("Synthesis time to first audio (espeak-ng -> 16 kHz PCM16, 7 runs each)",
            ["sentence", "first audio p50 ms", "min ms", "max ms", "whole sentence ms", "audio s"]);
        foreach (var (label, text) in new[] { ("English, 20 words", EnglishSentence), ("Mandarin, 31 characters", ChineseSentence) })
        {
            var first = new List<double>();
            var total = new List<double>();
            double audioSeconds = 0;
            for (var run = 0; run < 7; run++)
            {
                var watch = Stopwatch.StartNew();
                double? firstChunk = null;
                long bytes = 0;
                await foreach (var chunk in synthesizer.SynthesizeAsync(One(text)))
                {
                    firstChunk ??= watch.Elapsed.TotalMilliseconds;
                    bytes += chunk.Pcm16.Length;
                }

                first.Add(firstChunk ?? double.NaN);
                total.Add(watch.Elapsed.TotalMilliseconds);
                audioSeconds = bytes / 2.0 / synthesizer.SampleRate;
            }

            first.Sort();
            total.Sort();
            table.Add(label, Ms(first[3]), Ms(first[0]), Ms(first[^1]), Ms(total[3]), audioSeconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        table.Print();
    }

    private static async IAsyncEnumerable<string> One(string text)
    {
        await Task.CompletedTask;
        yield return text;
    }

    private static string Ms(double value) => value.ToString("F0", CultureInfo.InvariantCulture);
}

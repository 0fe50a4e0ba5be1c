using System.Globalization;
using VoiceHelper.Voice.Speech.Recognition;

namespace VoiceHelper.Speech.Bench;

/// <summary>Word error rate of each recogniser, per voice and overall.</summary>
internal static class WerBench
{
    public static async Task RunAsync(IReadOnlyList<BenchClip> clips, params ISpeechRecognizer[] recognizers)
    {
        var table = new Table("Word error rate on the generated WAV set (lower is better)", ["recogniser", "voice", "sentences", "words", "WER"]);
        foreach (var recognizer in recognizers)
        {
            int totalErrors = 0, totalWords = 0;
            foreach (var voice in clips.GroupBy(c => c.Voice))
            {
                int errors = 0, words = 0;
                foreach (var clip in voice)
                {
                    // A caller's turn starts and ends with some silence; the VAD would hand over the same.
                    var padded = new float[4_800].Concat(clip.Audio.Samples).Concat(new float[8_000]).ToArray();
                    var hypothesis = await Transcriber.TranscribeAsync(recognizer, padded);
                    errors += WordErrorRate.Errors(clip.Text, hypothesis);
                    words += WordErrorRate.Words(clip.Text).Length;
                }

                table.Add(recognizer.Name, voice.Key, voice.Count().ToString(CultureInfo.InvariantCulture), words.ToString(CultureInfo.InvariantCulture), Percent(errors, words));
                totalErrors += errors;
                totalWords += words;
            }

            table.Add(recognizer.Name, "all", clips.Count.ToString(CultureInfo.InvariantCulture), totalWords.ToString(CultureInfo.InvariantCulture), Percent(totalErrors, totalWords));
        }

        table.Print();
    }

    private static string Percent(int errors, int words) => (100.0 * errors / words).ToString("F1", CultureInfo.InvariantCulture) + " %";
}

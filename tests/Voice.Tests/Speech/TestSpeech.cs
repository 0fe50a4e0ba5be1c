using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Recognition;
using VoiceHelper.Voice.Speech.Synthesis;

namespace VoiceHelper.Voice.Tests.Speech;

/// <summary>Speech the tests generate with the real espeak-ng synthesizer (16 kHz).</summary>
public static class TestSpeech
{
    public static async Task<float[]> SayAsync(ISpeechSynthesizer synthesizer, string text) =>
        (await synthesizer.SynthesizeClipAsync(text, TestContext.Current.CancellationToken)).Samples;

    public static float[] Silence(double seconds, int sampleRate = 16_000) => new float[(int)(seconds * sampleRate)];

    /// <summary>Where the audible part of a clip starts and ends (first and last 10 ms frame above -40 dBFS).</summary>
    public static (int Start, int End) AudibleRange(float[] samples, int sampleRate = 16_000)
    {
        var frame = sampleRate / 100;
        int? first = null;
        var last = 0;
        for (var offset = 0; offset + frame <= samples.Length; offset += frame)
        {
            if (LevelMeter.Measure(samples.AsSpan(offset, frame)).RmsDbfs > -40)
            {
                first ??= offset;
                last = offset + frame;
            }
        }

        return (first ?? 0, last);
    }

    public static float[] Concat(params float[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>Feeds audio in 100 ms chunks, as a session would.</summary>
    public static IEnumerable<ReadOnlyMemory<float>> Chunks(float[] samples, int chunk = 1_600)
    {
        for (var offset = 0; offset < samples.Length; offset += chunk)
        {
            yield return samples.AsMemory(offset, Math.Min(chunk, samples.Length - offset));
        }
    }

    /// <summary>
    /// One recognition stream fed <paramref name="chunk"/> samples at a time (320: the 20 ms frames of a call); its final
    /// texts joined and lower-cased (the engines differ in case).
    /// </summary>
    public static async Task<string> TranscribeAsync(ISpeechRecognizer recognizer, float[] audio, CancellationToken ct, int chunk = 320)
    {
        using var stream = recognizer.OpenStream();
        var finals = new List<string>();
        foreach (var piece in Chunks(audio, chunk))
        {
            if (await stream.AcceptAsync(piece, ct) is { IsFinal: true } result)
            {
                finals.Add(result.Text);
            }
        }
        finals.Add((await stream.FinishAsync(ct)).Text);
        return string.Join(' ', finals.Where(t => t.Length > 0)).ToLowerInvariant();
    }
}

using VoiceHelper.Voice.Speech.Recognition;

namespace VoiceHelper.Speech.Bench;

/// <summary>Feeds a clip to a stream in 100 ms chunks, as a session would, and joins the final texts.</summary>
internal static class Transcriber
{
    public const int ChunkSamples = 1_600;

    /// <summary>
    /// With <paramref name="primer"/>, the stream first hears that (and a second of silence) as a call's earlier
    /// speech would be heard, and only what follows is returned: a question that is not the call's first.
    /// </summary>
    public static async Task<string> TranscribeAsync(ISpeechRecognizer recognizer, float[] audio, float[]? primer = null)
    {
        using var stream = recognizer.OpenStream();
        if (primer is not null)
        {
            float[] earlier = [.. primer, .. new float[16_000]];
            for (var offset = 0; offset < earlier.Length; offset += ChunkSamples)
            {
                await stream.AcceptAsync(earlier.AsMemory(offset, Math.Min(ChunkSamples, earlier.Length - offset)));
            }
        }

        var finals = new List<string>();
        for (var offset = 0; offset < audio.Length; offset += ChunkSamples)
        {
            var result = await stream.AcceptAsync(audio.AsMemory(offset, Math.Min(ChunkSamples, audio.Length - offset)));
            if (result.IsFinal)
            {
                finals.Add(result.Text);
            }
        }

        finals.Add((await stream.FinishAsync()).Text);
        return string.Join(' ', finals.Where(t => t.Length > 0));
    }
}

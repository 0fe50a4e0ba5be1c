using VoiceHelper.Voice.Speech.Recognition;

namespace VoiceHelper.Speech.Bench;

/// <summary>Feeds a clip to a stream in 100 ms chunks, as a session would, and joins the final texts.</summary>
internal static class Transcriber
{
    public const int ChunkSamples = 1_600;

    public static async Task<string> TranscribeAsync(ISpeechRecognizer recognizer, float[] audio)
    {
        using var stream = recognizer.OpenStream();
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

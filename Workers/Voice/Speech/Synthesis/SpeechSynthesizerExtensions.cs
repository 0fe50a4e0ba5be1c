using VoiceHelper.Voice.Speech.Audio;

namespace VoiceHelper.Voice.Speech.Synthesis;

/// <summary>Conveniences over the streaming synthesis API.</summary>
public static class SpeechSynthesizerExtensions
{
    /// <summary>Synthesizes text known in full and returns it as one clip.</summary>
    public static async Task<AudioClip> SynthesizeClipAsync(this ISpeechSynthesizer synthesizer, string text, CancellationToken cancellationToken = default)
    {
        using var pcm = new MemoryStream();
        await foreach (var chunk in synthesizer.SynthesizeAsync(One(text), cancellationToken))
        {
            pcm.Write(chunk.Pcm16);
        }

        return new AudioClip(Pcm16.ToFloat(pcm.ToArray()), synthesizer.SampleRate);
    }

    private static async IAsyncEnumerable<string> One(string text)
    {
        await Task.CompletedTask;
        yield return text;
    }
}

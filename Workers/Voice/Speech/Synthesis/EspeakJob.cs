using System.Threading.Channels;

namespace VoiceHelper.Voice.Speech.Synthesis;

/// <summary>One sentence for the espeak-ng thread; its samples (native rate, floats) go to <see cref="Output"/>.</summary>
internal sealed class EspeakJob(string text, string voice, int rate, CancellationToken cancellationToken)
{
    private readonly Channel<float[]> output = Channel.CreateUnbounded<float[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public string Text { get; } = text;

    public string Voice { get; } = voice;

    public int Rate { get; } = rate;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public ChannelReader<float[]> Output => output.Reader;

    public void Write(float[] samples) => output.Writer.TryWrite(samples);

    public void Complete(Exception? error = null) => output.Writer.TryComplete(error);
}

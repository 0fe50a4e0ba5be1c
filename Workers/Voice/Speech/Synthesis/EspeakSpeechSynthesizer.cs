using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Audio;

namespace VoiceHelper.Voice.Speech.Synthesis;

/// <summary>
/// espeak-ng (English and Mandarin) resampled from its native 22.05 kHz to the configured rate with the
/// anti-aliasing <see cref="Resampler"/>. Sentences from all sessions queue on one espeak thread.
/// </summary>
public sealed class EspeakSpeechSynthesizer : ISpeechSynthesizer
{
    private readonly SynthesizerOptions options;
    private readonly EspeakThread engine;

    public EspeakSpeechSynthesizer(IOptions<SynthesizerOptions> options)
    {
        this.options = options.Value;
        engine = EspeakThread.Get(string.IsNullOrWhiteSpace(this.options.DataDirectory) ? null : this.options.DataDirectory);
    }

    public string Name => "espeak-ng (Debian)";

    public int SampleRate => options.OutputSampleRate;

    public async IAsyncEnumerable<SynthesisChunk> SynthesizeAsync(IAsyncEnumerable<string> sentences, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var index = 0;
        await foreach (var sentence in sentences.WithCancellation(cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(sentence))
            {
                continue;
            }

            var job = new EspeakJob(sentence.Trim(), VoiceSelector.Select(sentence, options), options.Rate, cancellationToken);
            engine.Enqueue(job);
            var resampler = new Resampler(engine.NativeSampleRate, SampleRate);
            await foreach (var block in job.Output.ReadAllAsync(cancellationToken))
            {
                // ReadAllAsync drains buffered blocks without looking at the token; barge-in must stop now.
                cancellationToken.ThrowIfCancellationRequested();
                var converted = resampler.Process(block);
                if (converted.Length > 0)
                {
                    yield return new SynthesisChunk(index, Pcm16.FromFloat(converted), EndOfSentence: false);
                }
            }

            yield return new SynthesisChunk(index, Pcm16.FromFloat(resampler.Flush()), EndOfSentence: true);
            index++;
        }
    }
}
